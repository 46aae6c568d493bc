import { describe, expect, it } from 'vitest';
import { addCalendarDays } from './dates';
import { countBusinessDaysBetween, isBusinessDay, type SchoolCalendar } from './school-calendar';

/** The definition, day by day: what the fast count must equal. */
function countByDay(start: string, end: string, calendar?: SchoolCalendar): number {
  let count = 0;
  for (let date = addCalendarDays(start, 1); date <= end; date = addCalendarDays(date, 1)) if (isBusinessDay(date, calendar)) count += 1;
  return count;
}

const calendar: SchoolCalendar = {
  firstDay: '2025-08-25',
  lastDay: '2026-06-12',
  closures: [
    { start: '2025-11-26', end: '2025-11-28', label: 'Thanksgiving break', kind: 'holiday' },
    { start: '2025-12-22', end: '2026-01-02', label: 'Winter break', kind: 'break' },
    { start: '2025-12-24', end: '2025-12-24', label: 'Christmas Eve', kind: 'holiday' },
    { start: '2026-03-16', end: '2026-03-20', label: 'Spring break', kind: 'break' },
    { start: '2026-04-03', end: '2026-04-03', label: 'Spring holiday', kind: 'holiday' },
    // Overlapping a federal holiday on purpose: counted once.
    { start: '2026-01-19', end: '2026-01-19', label: 'MLK Day (district)', kind: 'holiday' },
  ],
};

describe('counting business days over long spans', () => {
  it('equals the day-by-day count for spans of every length, with and without a district calendar', () => {
    let seed = 7;
    const next = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % limit;
    };
    for (let trial = 0; trial < 400; trial++) {
      const start = addCalendarDays('2024-06-01', next(900));
      const end = addCalendarDays(start, next(800));
      expect(countBusinessDaysBetween(start, end, calendar)).toBe(countByDay(start, end, calendar));
      expect(countBusinessDaysBetween(start, end)).toBe(countByDay(start, end));
    }
  });

  it('counts 2025-09-02 to 2026-09-01 by hand: 260 weekdays, 10 federal holidays, 3 district holidays', () => {
    // (Tue Sep 2, 2025, Tue Sep 1, 2026] is 364 days, 52 whole weeks: 260 weekdays.
    // Federal (observed): Oct 13, Nov 11, Nov 27, Dec 25, Jan 1, Jan 19, Feb 16, May 25, Jun 19, Jul 3
    // (July 4, 2026 is a Saturday); Labor Day 2026 is Sep 7, outside: 10.
    // District holiday closures on other weekdays: Nov 26, Nov 28, Apr 3: 3. Dec 24 lies inside the
    // winter break, which is listed first and is a break (offices open): a business day.
    expect(countBusinessDaysBetween('2025-09-02', '2026-09-01', calendar)).toBe(260 - 10 - 3);
    expect(countByDay('2025-09-02', '2026-09-01', calendar)).toBe(260 - 10 - 3);
  });
});
