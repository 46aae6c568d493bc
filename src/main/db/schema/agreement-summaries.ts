import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agreementsTable } from './agreements';

/**
 * Each agreement's compliance summary as of `computed_on` (what the list shows and its order), so the
 * dashboard's "agreements behind" reads rows instead of recomputing 3,000 terms. Compliance moves
 * with the date, so a row counts only on the day it was computed; triggers (migration 0011)
 * delete it when its terms, log lines, case, district calendar, meetings or thresholds change.
 * Only today is stored: an "as of" date in the past is computed on demand.
 */
export const agreementSummariesTable = sqliteTable('agreement_summaries', {
  agreementId: integer('agreement_id')
    .primaryKey()
    .references(() => agreementsTable.id, { onDelete: 'cascade' }),
  computedOn: text('computed_on').notNull(),
  /** The agreement's status; 'none' when it has no terms. */
  status: text('status').notNull(),
  /** status, explanation, behind-term count, missed review dates, and the figures that order the list (`rank`) (JSON; see AgreementSummary). */
  summary: text('summary').notNull(),
});
export type AgreementSummaryRow = typeof agreementSummariesTable.$inferSelect;
