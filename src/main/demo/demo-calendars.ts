import type { Sqlite } from '../db/connection';
import { addMonths, weekdayOf, addDays } from './demo-dates';

/** The first weekday on or after a date: the first day of school is never a weekend. */
function weekdayOnOrAfter(iso: string): string {
  let day = iso;
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = addDays(day, 1);
  return day;
}

/** The school year a date falls in, by its starting calendar year (August starts a new one). */
function schoolYearStart(iso: string): number {
  const [year, month] = iso.split('-').map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
}

/**
 * One calendar per district and school year for the span the demo's dates cover, with the same
 * breaks the demo's implementation logs observe (demo-dates.ts schoolBreakOn): Thanksgiving
 * (Nov 26-28), winter (Dec 22-Jan 2) and spring (Mar 16-20); summer lies between two years. With
 * them, school-day deadlines are exact rather than estimates and compliance subtracts the breaks.
 */
export function seedDemoCalendars(sqlite: Sqlite, districtIds: readonly number[], today: string, stamp: string): number {
  const insertCalendar = sqlite.prepare(
    'INSERT INTO school_calendars (district_id, label, first_day, last_day, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertClosure = sqlite.prepare("INSERT INTO calendar_closures (calendar_id, start_on, end_on, label, kind) VALUES (?, ?, ?, ?, 'break')");
  const insertGradingPeriod = sqlite.prepare('INSERT INTO grading_periods (calendar_id, start_on, end_on, label) VALUES (?, ?, ?, ?)');
  const firstYear = schoolYearStart(addMonths(today, -24));
  const lastYear = schoolYearStart(today);
  let calendars = 0;
  for (const districtId of districtIds) {
    for (let year = firstYear; year <= lastYear; year++) {
      const label = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
      const calendarId = insertCalendar.run(districtId, label, weekdayOnOrAfter(`${year}-08-15`), `${year + 1}-06-11`, stamp, stamp).lastInsertRowid;
      insertClosure.run(calendarId, `${year}-11-26`, `${year}-11-28`, 'Thanksgiving break');
      insertClosure.run(calendarId, `${year}-12-22`, `${year + 1}-01-02`, 'Winter break');
      insertClosure.run(calendarId, `${year + 1}-03-16`, `${year + 1}-03-20`, 'Spring break');
      // Quarters, for make-up clauses 'within the same grading period' (issue 11).
      const firstDay = weekdayOnOrAfter(`${year}-08-15`);
      insertGradingPeriod.run(calendarId, firstDay, `${year}-10-24`, 'Quarter 1');
      insertGradingPeriod.run(calendarId, `${year}-10-27`, `${year + 1}-01-16`, 'Quarter 2');
      insertGradingPeriod.run(calendarId, `${year + 1}-01-19`, `${year + 1}-03-27`, 'Quarter 3');
      insertGradingPeriod.run(calendarId, `${year + 1}-03-30`, `${year + 1}-06-11`, 'Quarter 4');
      calendars++;
    }
  }
  return calendars;
}
