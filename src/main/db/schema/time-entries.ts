import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt } from './columns';

export const timeEntriesTable = sqliteTable(
  'time_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    workedOn: text('worked_on').notNull(),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    minutes: integer('minutes').notNull(),
    description: text('description'),
    isBillable: integer('is_billable', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [index('time_entries_case_idx').on(table.caseId, table.workedOn)],
);
export type TimeEntryRow = typeof timeEntriesTable.$inferSelect;
