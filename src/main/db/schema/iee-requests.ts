import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { contactsTable } from './contacts';
import { createdAt, updatedAt } from './columns';
import { meetingsTable } from './meetings';

/** Independent Educational Evaluation requests (34 CFR 300.502). */
export const ieeRequestsTable = sqliteTable(
  'iee_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    disputedEvaluation: text('disputed_evaluation').notNull(),
    disputedEvaluationOn: text('disputed_evaluation_on'),
    /** JSON array: psycho-educational, speech-language, OT, FBA, assistive technology... */
    areas: text('areas', { mode: 'json' }).$type<string[]>().notNull().default([]),
    requestedOn: text('requested_on').notNull(),
    /** none_yet | granted | filed_due_process | refused_without_filing */
    districtResponse: text('district_response').notNull().default('none_yet'),
    respondedOn: text('responded_on'),
    evaluatorContactId: integer('evaluator_contact_id').references(() => contactsTable.id, { onDelete: 'set null' }),
    evaluatorName: text('evaluator_name'),
    costCriteria: text('cost_criteria'),
    reportReceivedOn: text('report_received_on'),
    consideredAtMeetingId: integer('considered_at_meeting_id').references(() => meetingsTable.id, {
      onDelete: 'set null',
    }),
    silenceThresholdBusinessDays: integer('silence_threshold_business_days').notNull().default(10),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('iee_requests_case_idx').on(table.caseId)],
);
export type IeeRequestRow = typeof ieeRequestsTable.$inferSelect;
