import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { districtsTable } from './districts';
import { studentsTable } from './students';

export const casesTable = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    studentId: integer('student_id')
      .notNull()
      .references(() => studentsTable.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Stage on the escalation ladder (CASE_STAGES). */
    stage: text('stage').notNull().default('intake'),
    /** JSON array of the issues in dispute. */
    issues: text('issues', { mode: 'json' }).$type<string[]>().notNull().default([]),
    jurisdiction: text('jurisdiction').notNull().default('US'),
    districtId: integer('district_id').references(() => districtsTable.id, { onDelete: 'set null' }),
    priorities: text('priorities'),
    openedOn: text('opened_on').notNull(),
    closedOn: text('closed_on'),
    archivedAt: text('archived_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('cases_student_idx').on(table.studentId), index('cases_district_idx').on(table.districtId), index('cases_stage_idx').on(table.stage)],
);
export type CaseRow = typeof casesTable.$inferSelect;
