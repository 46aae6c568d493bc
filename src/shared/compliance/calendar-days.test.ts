import dayjs from 'dayjs';
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

  it('counts every date string exactly as parsing it with dayjs did (the counting no longer parses)', () => {
    // The previous implementation, kept here as the reference.
    const byDayjs = (iso: string) => {
      const parsed = dayjs(iso);
      return Date.UTC(parsed.year(), parsed.month(), parsed.date()) / 86_400_000;
    };
    let seed = 14;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const dates = [
      '2024-02-29',
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-09-00',
      '2025-09-31',
      '1970-01-01',
      '1969-12-31',
      '2025-9-8',
      '2025-09-08T10:00',
    ];
    for (let index = 0; index < 20_000; index += 1) dates.push(`${pad(1900 + random(250), 4)}-${pad(random(14), 2)}-${pad(random(33), 2)}`);
    for (const date of dates) expect(toDayNumber(date), date).toBe(byDayjs(date));
  });
});
