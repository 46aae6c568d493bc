import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { districtsTable } from './districts';
import { familiesTable } from './families';

export const studentsTable = sqliteTable(
  'students',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    familyId: integer('family_id')
      .notNull()
      .references(() => familiesTable.id, { onDelete: 'cascade' }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: text('date_of_birth'),
    school: text('school'),
    grade: text('grade'),
    districtId: integer('district_id').references(() => districtsTable.id, { onDelete: 'set null' }),
    eligibilityCategory: text('eligibility_category'),
    iepMeetingOn: text('iep_meeting_on'),
    iepStartOn: text('iep_start_on'),
    annualReviewDueOn: text('annual_review_due_on'),
    triennialDueOn: text('triennial_due_on'),
  },
  (table) => [index('students_family_idx').on(table.familyId)],
);
export type StudentRow = typeof studentsTable.$inferSelect;
