import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';

/**
 * Every change of a case's stage on the escalation ladder: from, to, the date and why. The
 * case's `stage` column stays the current stage; this is its history (migration 0016 wrote one
 * first row for every case that existed before history was kept, with source 'migrated').
 */
export const caseStageHistoryTable = sqliteTable(
  'case_stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** Null for the first row (the stage the case opened at, or had when history began). */
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedOn: text('changed_on').notNull(),
    reason: text('reason'),
    /** advocate (the stage dialog) | case_form | opened | migrated */
    source: text('source').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('case_stage_history_case_idx').on(table.caseId, table.changedOn)],
);
export type CaseStageHistoryRow = typeof caseStageHistoryTable.$inferSelect;

/** When the advocate last opened each case's page: red flags raised after it are news. */
export const caseViewsTable = sqliteTable('case_views', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => casesTable.id, { onDelete: 'cascade' }),
  lastOpenedAt: text('last_opened_at').notNull(),
});

/**
 * When the app first saw each red flag of a case hold (flags are computed from the facts, never
 * stored; this only dates them). A flag that stops holding loses its row, so a later return is new.
 */
export const caseFlagSightingsTable = sqliteTable(
  'case_flag_sightings',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    flagKey: text('flag_key').notNull(),
    firstSeenAt: text('first_seen_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.flagKey] })],
);

/**
 * The case's position statement for mediation or a resolution session: drafted from the claims
 * and the meeting-prep worksheet (never its "minimum acceptable" or "can compromise"), then
 * edited by the advocate. The binder prints this text when it exists.
 */
export const positionStatementsTable = sqliteTable('position_statements', {
  caseId: integer('case_id')
    .primaryKey()
    .references(() => casesTable.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
