import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';

/**
 * Deadlines and tasks. Derived deadlines are keyed by (rule, trigger) so their done/snoozed state
 * survives a recompute; hand-made tasks have no rule.
 */
export const tasksTable = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** derived | manual */
    kind: text('kind').notNull(),
    ruleId: text('rule_id'),
    triggerKey: text('trigger_key'),
    title: text('title').notNull(),
    dueOn: text('due_on'),
    owner: text('owner'),
    /** open | done | snoozed | missed | waived | vacated ('done' on a derived deadline reads "met") */
    status: text('status').notNull().default('open'),
    /** The date a deadline was met (back-datable; a quick "Mark met" stores today). */
    metOn: text('met_on'),
    /** Why a deadline was waived, vacated or superseded, or a note on a miss. */
    outcomeReason: text('outcome_reason'),
    snoozedUntil: text('snoozed_until'),
    snoozeReason: text('snooze_reason'),
    completedAt: text('completed_at'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('tasks_case_idx').on(table.caseId),
    index('tasks_due_idx').on(table.status, table.dueOn),
    // One stored state per derived deadline; manual tasks have no trigger key (NULLs never collide).
    uniqueIndex('tasks_case_trigger_idx').on(table.caseId, table.triggerKey),
  ],
);
export type TaskRow = typeof tasksTable.$inferSelect;
