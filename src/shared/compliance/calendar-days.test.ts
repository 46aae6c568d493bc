import { describe, expect, it } from 'vitest';
import { compileCalendar, countSchoolDays, countWeekdays, fromDayNumber, mondayOf, toDayNumber } from './calendar-days';

describe('calendar day counting', () => {
  it('round-trips dates across daylight-saving changes and leap days', () => {
    for (const date of ['2025-03-09', '2025-11-02', '2024-02-29', '1999-12-31', '2030-01-01']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
    expect(toDayNumber('2025-11-03') - toDayNumber('2025-11-02')).toBe(1);
  });

  it('counts Mondays to Fridays in a range', () => {
    expect(countWeekdays(toDayNumber('2025-09-08'), toDayNumber('2025-09-14'))).toBe(5);
    expect(countWeekdays(toDayNumber('2025-09-10'), toDayNumber('2025-09-16'))).toBe(5);
    expect(countWeekdays(toDayNumber('2025-09-13'), toDayNumber('2025-09-14'))).toBe(0);
    expect(countWeekdays(toDayNumber('2025-09-14'), toDayNumber('2025-09-13'))).toBe(0);
  });

  it('leaves closed weekdays out of school days, counting overlapping closures once', () => {
    const calendar = compileCalendar([
      { start: '2025-11-24', end: '2025-11-28', label: 'Thanksgiving', kind: 'break' },
      { start: '2025-11-27', end: '2025-11-30', label: 'Thanksgiving Day', kind: 'holiday' },
    ]);
    expect(countSchoolDays(calendar, toDayNumber('2025-11-17'), toDayNumber('2025-12-05'))).toBe(10);
  });

  it('finds the Monday of a week', () => {
    expect(fromDayNumber(mondayOf(toDayNumber('2025-09-14')))).toBe('2025-09-08');
    expect(fromDayNumber(mondayOf(toDayNumber('2025-09-08')))).toBe('2025-09-08');
  });
});
