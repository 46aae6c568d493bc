import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';

/**
 * Each open case's deadline list as last computed (materialized), so the dashboard reads indexed
 * rows instead of running the rules engine over the whole caseload. A case's rows are valid from
 * `case_deadline_states.computed_on` until its `stale_on`; triggers (migration 0010) delete the
 * state row whenever the case's facts, marks, calendar or jurisdiction rules change, and the next
 * read recomputes that case alone; a change to the case itself also deletes its rows, so every row
 * belongs to a case that was open when it was computed (the dashboard filters without a join).
 * `item` is the whole list line (JSON) as the API returns it;
 * `days_until` and `is_overdue` are filled in when read, since they change with the date.
 * `title`, `rule_id` and `citation` repeat three fields of the line, so the caseload's next
 * deadline and the red-flag rules read them from covering indexes, never parsing the lines.
 */
export const caseDeadlinesTable = sqliteTable(
  'case_deadlines',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** Place in the case's own list (by due date, derived before manual, then key). */
    position: integer('position').notNull(),
    key: text('key').notNull(),
    /** open | done | snoozed | missed | waived | vacated | expired, as it applies on computed_on. */
    status: text('status').notNull(),
    /** deadline | window | not_before | filing_limit */
    nature: text('nature').notNull(),
    dueOn: text('due_on'),
    /** The advocate's own threshold (IEE silence), not a legal deadline. */
    isUserThreshold: integer('is_user_threshold', { mode: 'boolean' }).notNull(),
    item: text('item').notNull(),
    title: text('title'),
    /** The rule a derived line comes from (its key is `rule_id:source`); null for the advocate's tasks. */
    ruleId: text('rule_id'),
    citation: text('citation'),
  },
  (table) => [
    primaryKey({ columns: [table.caseId, table.position] }),
    index('case_deadlines_status_due_idx').on(table.status, table.nature, table.isUserThreshold, table.dueOn),
    // The caseload's next deadline per case: the first open deadline by date, then position.
    index('case_deadlines_next_idx').on(table.status, table.nature, table.isUserThreshold, table.caseId, table.dueOn, table.position, table.title),
    // The red-flag rules' review deadlines, by rule, for every case at once.
    index('case_deadlines_rule_idx').on(
      table.ruleId,
      table.caseId,
      table.position,
      table.key,
      table.title,
      table.dueOn,
      table.status,
      table.nature,
      table.citation,
    ),
  ],
);
export type CaseDeadlineRow = typeof caseDeadlinesTable.$inferSelect;

/**
 * When each case's stored deadlines were computed and the first date on which time alone could
 * change them (a future fact starts counting, a window expires, a snooze ends). No row: never
 * computed, or invalidated by a change.
 */
export const caseDeadlineStatesTable = sqliteTable('case_deadline_states', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => casesTable.id, { onDelete: 'cascade' }),
  computedOn: text('computed_on').notNull(),
  /** Recompute on or after this date; null when nothing dated lies ahead. */
  staleOn: text('stale_on'),
});
export type CaseDeadlineStateRow = typeof caseDeadlineStatesTable.$inferSelect;
