import { describe, expect, it } from 'vitest';
import { federalHolidays, findFederalHoliday } from './federal-holidays';

describe('federal holidays', () => {
  it('computes the Monday and Thursday holidays of 2026', () => {
    const dates = Object.fromEntries(federalHolidays(2026).map((holiday) => [holiday.name, holiday.date]));
    expect(dates['Birthday of Martin Luther King, Jr.']).toBe('2026-01-19');
    expect(dates["Washington's Birthday"]).toBe('2026-02-16');
    expect(dates['Memorial Day']).toBe('2026-05-25');
    expect(dates['Labor Day']).toBe('2026-09-07');
    expect(dates['Columbus Day']).toBe('2026-10-12');
    expect(dates['Thanksgiving Day']).toBe('2026-11-26');
  });

  it('observes a Saturday holiday on the Friday before', () => {
    expect(findFederalHoliday('2026-07-03')?.name).toBe('Independence Day');
    expect(findFederalHoliday('2026-07-04')).toBeUndefined();
  });

  it('observes a Sunday holiday on the Monday after', () => {
    // Christmas 2022 was a Sunday.
    expect(findFederalHoliday('2022-12-26')?.name).toBe('Christmas Day');
  });

  it("observes a Saturday New Year's Day on December 31 of the year before", () => {
    expect(findFederalHoliday('2021-12-31')?.name).toBe("New Year's Day");
  });

  it('includes Juneteenth only from 2021', () => {
    expect(findFederalHoliday('2020-06-19')).toBeUndefined();
    expect(findFederalHoliday('2025-06-19')?.name).toBe('Juneteenth National Independence Day');
  });
});
