import { describe, expect, it } from 'vitest';
import { ieeSilence } from './iee-silence';
import { districtCalendar } from './test-fixtures';

describe('IEE silence', () => {
  it('does not flag a request on its 10th business day', () => {
    // Mon Jan 5 + 10 business days, skipping Martin Luther King Jr. Day, is Tue Jan 20.
    const result = ieeSilence({ requestedOn: '2026-01-05', respondedOn: null, today: '2026-01-20' });
    expect(result).toEqual({
      daysSilent: 15,
      businessDaysSilent: 10,
      thresholdDate: '2026-01-20',
      isFlagged: false,
      label: 'district silent 15 days',
    });
  });

  it('flags a request after 10 business days of silence', () => {
    const result = ieeSilence({ requestedOn: '2026-01-05', respondedOn: null, today: '2026-01-21' });
    expect(result.isFlagged).toBe(true);
    expect(result.businessDaysSilent).toBe(11);
    expect(result.label).toBe('district silent 16 days');
  });

  it('flags on the Saturday after a Friday threshold', () => {
    const result = ieeSilence({ requestedOn: '2026-03-06', respondedOn: null, today: '2026-03-21' });
    expect(result.thresholdDate).toBe('2026-03-20');
    expect(result.businessDaysSilent).toBe(10);
    expect(result.isFlagged).toBe(true);
  });

  it("pushes the threshold past the calendar's state holiday", () => {
    const withoutCalendar = ieeSilence({ requestedOn: '2026-03-27', respondedOn: null, thresholdBusinessDays: 3, today: '2026-04-02' });
    const withCalendar = ieeSilence({
      requestedOn: '2026-03-27',
      respondedOn: null,
      thresholdBusinessDays: 3,
      today: '2026-04-02',
      calendar: districtCalendar,
    });
    expect(withoutCalendar.isFlagged).toBe(true);
    expect(withCalendar.thresholdDate).toBe('2026-04-02');
    expect(withCalendar.isFlagged).toBe(false);
  });

  it("uses the advocate's own threshold", () => {
    const result = ieeSilence({ requestedOn: '2026-01-05', respondedOn: null, thresholdBusinessDays: 30, today: '2026-01-21' });
    expect(result.isFlagged).toBe(false);
  });

  it('says answered and stops flagging once the district responds', () => {
    const result = ieeSilence({ requestedOn: '2026-01-05', respondedOn: '2026-01-26', today: '2026-03-01' });
    expect(result).toMatchObject({ daysSilent: 21, isFlagged: false, label: 'answered' });
  });

  it('uses the singular for one day of silence', () => {
    expect(ieeSilence({ requestedOn: '2026-01-05', respondedOn: null, today: '2026-01-06' }).label).toBe('district silent 1 day');
  });

  it('counts no silence for a request dated after today', () => {
    const result = ieeSilence({ requestedOn: '2026-02-01', respondedOn: null, today: '2026-01-20' });
    expect(result).toMatchObject({ daysSilent: 0, businessDaysSilent: 0, isFlagged: false });
  });
});
