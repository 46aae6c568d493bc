import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';

/**
 * The issues in dispute on a case, each with the two dates the family's filing limits count
 * from: the alleged violation (state complaint, 34 CFR 300.153(c)) and when the parent knew or
 * should have known (due process, 300.507(a)(2)).
 */
export const claimsTable = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    issue: text('issue').notNull(),
    violationOn: text('violation_on'),
    knewOn: text('knew_on'),
    /**
     * Retired: "filed" without saying where. Migration 0008 copied it into both dates below and
     * cleared it; nothing writes or reads it any more.
     */
    filedOn: text('filed_on'),
    /** Filed in a state complaint on this date: closes the state complaint limit (300.153(c)) only. */
    stateComplaintFiledOn: text('state_complaint_filed_on'),
    /** Filed in a due process complaint on this date: closes the due process limit (300.507(a)(2)) only. */
    dueProcessFiledOn: text('due_process_filed_on'),
    notes: text('notes'),
    /** What the family asks for on this issue (binder issues tab, state complaint). */
    proposedResolution: text('proposed_resolution'),
    /** Where the issue stands: open, in negotiation, resolved or withdrawn. */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('claims_case_idx').on(table.caseId)],
);
export type ClaimRow = typeof claimsTable.$inferSelect;
