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
    /** The date it was filed (in a state complaint or due process complaint): closes its limits. */
    filedOn: text('filed_on'),
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
