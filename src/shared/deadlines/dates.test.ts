import { describe, expect, it } from 'vitest';
import { addCalendarDays, addYears, daysBetween, isWeekend, parseLiberalDate } from './dates';

describe('date arithmetic', () => {
  it('lands a leap day plus one year on February 28', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('keeps a leap day when the target year is also a leap year', () => {
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('does not invent a leap day from February 28', () => {
    expect(addYears('2027-02-28', 1)).toBe('2028-02-28');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts days across a daylight-saving change as whole days', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2);
  });

  it('knows Saturday and Sunday are the weekend', () => {
    expect(isWeekend('2026-03-07')).toBe(true);
    expect(isWeekend('2026-03-08')).toBe(true);
    expect(isWeekend('2026-03-09')).toBe(false);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => addCalendarDays('2027-02-29', 1)).toThrow(RangeError);
    expect(parseLiberalDate('2/30/2026')).toBeNull();
  });

  it('reads the date spellings found in district spreadsheets', () => {
    expect(parseLiberalDate('2026-03-31')).toBe('2026-03-31');
    expect(parseLiberalDate('3/31/2026')).toBe('2026-03-31');
    expect(parseLiberalDate('03/05/2026')).toBe('2026-03-05');
    expect(parseLiberalDate('2026/03/05')).toBe('2026-03-05');
    expect(parseLiberalDate('next Tuesday')).toBeNull();
  });
});
