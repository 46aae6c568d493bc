import { describe, expect, it } from 'vitest';
import { compileCalendar, toDayNumber } from './calendar-days';
import { windowEndOf, type MakeupContext } from './makeup';

// Grading periods listed out of order, with a break (1-2 Nov 2025, a weekend) between Q1 and Q2.
const context: MakeupContext = {
  calendar: compileCalendar([]),
  gradingPeriods: [
    { start: '2025-11-03', end: '2026-01-23', label: 'Q2' },
    { start: '2025-08-25', end: '2025-10-31', label: 'Q1' },
  ],
  schoolYears: [
    { firstDay: '2026-08-24', lastDay: '2027-06-11', label: '2026-27' },
    { firstDay: '2025-08-25', lastDay: '2026-06-12', label: '2025-26' },
  ],
};

const end = (kind: 'grading_period' | 'end_of_school_year', missedOn: string) => {
  const day = windowEndOf({ kind }, null, toDayNumber(missedOn), context);
  return day === null ? null : new Date(day * 86_400_000).toISOString().slice(0, 10);
};

describe('make-up windows on the school calendar', () => {
  it("within the same grading period: the period holding the miss, whatever the list's order", () => {
    expect(end('grading_period', '2025-10-31')).toBe('2025-10-31');
    expect(end('grading_period', '2025-11-03')).toBe('2026-01-23');
  });

  it('a miss between two grading periods belongs to the next one to begin; after the last there is none', () => {
    expect(end('grading_period', '2025-11-01')).toBe('2026-01-23');
    expect(end('grading_period', '2025-08-01')).toBe('2025-10-31');
    expect(end('grading_period', '2026-02-02')).toBeNull();
  });

  it('by the end of the school year: the year holding the miss, else the next year to begin', () => {
    expect(end('end_of_school_year', '2026-03-02')).toBe('2026-06-12');
    expect(end('end_of_school_year', '2026-07-06')).toBe('2027-06-11');
    expect(end('end_of_school_year', '2027-07-05')).toBeNull();
  });
});
