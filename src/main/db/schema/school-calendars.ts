import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { districtsTable } from './districts';

/**
 * One school year of one district: first and last day of instruction. School-day rules (e.g.
 * 34 CFR 300.530(e), 10 school days) count on it; without one their dates are estimates.
 */
export const schoolCalendarsTable = sqliteTable(
  'school_calendars',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtId: integer('district_id')
      .notNull()
      .references(() => districtsTable.id, { onDelete: 'cascade' }),
    /** The school year as the district names it, e.g. '2025-26'. */
    label: text('label').notNull(),
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [uniqueIndex('school_calendars_district_label_idx').on(table.districtId, table.label)],
);
export type SchoolCalendarRow = typeof schoolCalendarsTable.$inferSelect;

/** The columns a closure and a grading period share: a labelled span of days (`end_on` inclusive) in one school year. */
function calendarSpanColumns() {
  return {
    id: integer('id').primaryKey({ autoIncrement: true }),
    calendarId: integer('calendar_id')
      .notNull()
      .references(() => schoolCalendarsTable.id, { onDelete: 'cascade' }),
    startOn: text('start_on').notNull(),
    endOn: text('end_on').notNull(),
    label: text('label').notNull(),
  };
}

/** Days without school inside a school year; `end_on` is inclusive. */
export const calendarClosuresTable = sqliteTable(
  'calendar_closures',
  {
    ...calendarSpanColumns(),
    /** holiday (offices closed too: not a business day) | break (no school, offices open) */
    kind: text('kind').notNull(),
  },
  (table) => [index('calendar_closures_calendar_idx').on(table.calendarId, table.startOn)],
);
export type CalendarClosureRow = typeof calendarClosuresTable.$inferSelect;

/**
 * Grading periods (marking periods, quarters) of a school year; `end_on` inclusive. A make-up
 * clause 'within the same grading period' counts on them.
 */
export const gradingPeriodsTable = sqliteTable('grading_periods', calendarSpanColumns(), (table) => [
  index('grading_periods_calendar_idx').on(table.calendarId, table.startOn),
]);
export type GradingPeriodRow = typeof gradingPeriodsTable.$inferSelect;
