import { describe, expect, it } from 'vitest';
import { applyOffset } from './offsets';
import { districtCalendar } from './test-fixtures';

const californiaSixtyDays = { amount: 60, unit: 'calendar_days', excludesBreaksLongerThanSchoolDays: 5 } as const;

describe('applying offsets', () => {
  it('adds plain calendar days', () => {
    expect(applyOffset('2026-01-05', { amount: 60, unit: 'calendar_days' })).toEqual({
      date: '2026-03-06',
      isEstimate: false,
      notes: [],
    });
  });

  it('stops a California-style clock over a winter break longer than 5 school days', () => {
    const result = applyOffset('2025-12-01', californiaSixtyDays, districtCalendar);
    // Plain 60 days would be 2026-01-30; the 12 days of winter break are not counted.
    expect(result.date).toBe('2026-02-11');
    expect(result.isEstimate).toBe(false);
    expect(result.notes[0]).toContain('12 vacation days');
  });

  it('keeps counting over a break of exactly 5 school days', () => {
    const result = applyOffset('2025-11-20', { ...californiaSixtyDays, amount: 10 }, districtCalendar);
    expect(result.date).toBe('2025-11-30');
  });

  it('does not run a break-excluding clock during the summer before school starts', () => {
    // Days before the first day (Aug 18) are summer vacation: Aug 18 is day 1, Sep 1 day 15.
    const result = applyOffset('2025-08-01', { ...californiaSixtyDays, amount: 15 }, districtCalendar);
    expect(result).toMatchObject({ date: '2025-09-01', isEstimate: false });
  });

  it('estimates a break-excluding clock that runs past the calendar', () => {
    const result = applyOffset('2026-05-20', { ...californiaSixtyDays, amount: 15 }, districtCalendar);
    expect(result).toMatchObject({ date: '2026-06-04', isEstimate: true });
  });

  it('estimates a break-excluding clock without a calendar', () => {
    const result = applyOffset('2025-12-01', californiaSixtyDays);
    expect(result).toMatchObject({ date: '2026-01-30', isEstimate: true });
  });

  it('explains the leap-day choice for year offsets', () => {
    const result = applyOffset('2028-02-29', { amount: 1, unit: 'years' });
    expect(result.date).toBe('2029-02-28');
    expect(result.notes.join(' ')).toContain('leap day');
  });

  it('adds no leap-day note when the anniversary exists', () => {
    expect(applyOffset('2028-02-29', { amount: 4, unit: 'years' })).toEqual({ date: '2032-02-29', isEstimate: false, notes: [] });
  });

  it('notes that state holidays are unknown for business days without a calendar', () => {
    const result = applyOffset('2026-03-27', { amount: 3, unit: 'business_days' });
    expect(result).toMatchObject({ date: '2026-04-01', isEstimate: false });
    expect(result.notes).toHaveLength(1);
    expect(applyOffset('2026-03-27', { amount: 3, unit: 'business_days' }, districtCalendar).notes).toEqual([]);
  });
});
