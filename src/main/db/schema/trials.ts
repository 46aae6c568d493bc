import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';
import { meetingsTable } from './meetings';

/**
 * A trial period with objective data (assistive technology for six weeks, a reading program, a
 * behavior plan): what, from when, for how long, baseline and target, who collects the data, and
 * the meeting that reviews it. The method uses it to break a deadlock with data instead of opinion.
 */
export const trialsTable = sqliteTable(
  'trials',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    what: text('what').notNull(),
    startOn: text('start_on').notNull(),
    lengthWeeks: integer('length_weeks').notNull(),
    measure: text('measure').notNull(),
    baseline: real('baseline').notNull(),
    target: real('target').notNull(),
    /** higher | lower */
    direction: text('direction').notNull(),
    collectedBy: text('collected_by').notNull(),
    reviewMeetingId: integer('review_meeting_id').references(() => meetingsTable.id, { onDelete: 'set null' }),
    /** pending | met | partly_met | not_met | inconclusive */
    result: text('result').notNull().default('pending'),
    resultNotes: text('result_notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('trials_case_idx').on(table.caseId)],
);
export type TrialRow = typeof trialsTable.$inferSelect;

export const trialEntriesTable = sqliteTable(
  'trial_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    trialId: integer('trial_id')
      .notNull()
      .references(() => trialsTable.id, { onDelete: 'cascade' }),
    measuredOn: text('measured_on').notNull(),
    value: real('value').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (table) => [index('trial_entries_trial_idx').on(table.trialId, table.measuredOn)],
);
export type TrialEntryRow = typeof trialEntriesTable.$inferSelect;
