import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addSchoolDays,
  countBusinessDaysBetween,
  isBusinessDay,
  isSchoolDay,
  nextBusinessDay,
  schoolCalendarSchema,
  type SchoolCalendar,
} from './school-calendar';
import { districtCalendar } from './test-fixtures';

describe('school days', () => {
  it('counts an ordinary weekday in the school year', () => {
    expect(isSchoolDay('2026-02-10', districtCalendar)).toBe(true);
  });

  it('does not count weekends, holidays, breaks or summer', () => {
    expect(isSchoolDay('2026-02-14', districtCalendar)).toBe(false); // Saturday
    expect(isSchoolDay('2026-03-31', districtCalendar)).toBe(false); // state holiday
    expect(isSchoolDay('2026-03-18', districtCalendar)).toBe(false); // spring break
    expect(isSchoolDay('2026-07-15', districtCalendar)).toBe(false); // summer
    expect(isSchoolDay('2025-08-15', districtCalendar)).toBe(false); // before the first day
  });

  it('skips the winter break when adding school days', () => {
    // Friday before the break + 10 school days: Jan 5-9 and Jan 12-16.
    expect(addSchoolDays('2025-12-19', 10, districtCalendar)).toEqual({ date: '2026-01-16', isEstimate: false });
  });

  it('counts weekdays and marks the result an estimate without a calendar', () => {
    expect(addSchoolDays('2025-12-19', 10)).toEqual({ date: '2026-01-02', isEstimate: true });
  });

  it('starts counting on the first day of school when the trigger is in summer', () => {
    expect(addSchoolDays('2025-08-01', 3, districtCalendar)).toEqual({ date: '2025-08-20', isEstimate: false });
  });

  it('marks an estimate when the count runs past the last day of school', () => {
    // May 27-29 are school days; the remaining 7 are counted as weekdays into June.
    expect(addSchoolDays('2026-05-26', 10, districtCalendar)).toEqual({ date: '2026-06-09', isEstimate: true });
  });
});

describe('business days', () => {
  it('skips a state holiday from the district calendar', () => {
    expect(addBusinessDays('2026-03-27', 3, districtCalendar)).toBe('2026-04-02');
  });

  it('counts the state holiday when no calendar says otherwise', () => {
    expect(addBusinessDays('2026-03-27', 3)).toBe('2026-04-01');
  });

  it('skips federal holidays even without a calendar', () => {
    // Friday + 1 business day: Monday is Martin Luther King Jr. Day.
    expect(addBusinessDays('2026-01-16', 1)).toBe('2026-01-20');
    expect(isBusinessDay('2026-11-26')).toBe(false);
  });

  it('counts the weekdays of a school break as business days', () => {
    expect(isBusinessDay('2026-03-18', districtCalendar)).toBe(true);
    expect(addBusinessDays('2026-03-13', 3, districtCalendar)).toBe('2026-03-18');
  });

  it('moves a Saturday to the next business day, past a Monday holiday', () => {
    expect(nextBusinessDay('2026-01-17')).toBe('2026-01-20');
    expect(nextBusinessDay('2026-01-21')).toBe('2026-01-21');
  });

  it('counts business days after the start day up to and including the end day', () => {
    expect(countBusinessDaysBetween('2026-03-02', '2026-03-16')).toBe(10);
    expect(countBusinessDaysBetween('2026-03-02', '2026-03-02')).toBe(0);
    expect(countBusinessDaysBetween('2026-03-16', '2026-03-02')).toBe(0);
    expect(countBusinessDaysBetween('2026-03-27', '2026-04-02', districtCalendar)).toBe(3);
  });

  it('stops with an error instead of hanging when the calendar closes every day', () => {
    const closedForever: SchoolCalendar = {
      firstDay: '2025-08-18',
      lastDay: '2026-05-29',
      closures: [{ start: '2025-01-01', end: '2099-12-31', label: 'Typo', kind: 'holiday' }],
    };
    expect(() => addBusinessDays('2026-01-05', 1, closedForever)).toThrow(RangeError);
  });
});

describe('calendar schema', () => {
  it('rejects a closure that ends before it starts and a year that ends before it begins', () => {
    expect(schoolCalendarSchema.safeParse(districtCalendar).success).toBe(true);
    const badClosure = { ...districtCalendar, closures: [{ start: '2026-01-02', end: '2026-01-01', label: 'x', kind: 'break' }] };
    expect(schoolCalendarSchema.safeParse(badClosure).success).toBe(false);
    expect(schoolCalendarSchema.safeParse({ ...districtCalendar, lastDay: '2025-08-01' }).success).toBe(false);
  });
});
