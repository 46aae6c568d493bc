import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './compute';
import { federalJurisdiction } from './jurisdictions';
import { findClosure, type SchoolCalendar } from './school-calendar';

describe('lookups that are remembered for speed', () => {
  it('finds the first listed closure when two closures overlap, as a plain search would', () => {
    const calendar: SchoolCalendar = {
      firstDay: '2025-08-18',
      lastDay: '2026-05-29',
      closures: [
        { start: '2025-12-22', end: '2026-01-02', label: 'Winter Break', kind: 'break' },
        { start: '2025-12-25', end: '2025-12-25', label: 'Christmas Day', kind: 'holiday' },
      ],
    };
    expect(findClosure('2025-12-25', calendar)?.label).toBe('Winter Break');
    expect(findClosure('2026-01-03', calendar)).toBeUndefined();
  });

  it('sees a closure added to a calendar that was already counted on', () => {
    const calendar: SchoolCalendar = { firstDay: '2025-08-18', lastDay: '2026-05-29', closures: [] };
    expect(findClosure('2026-03-31', calendar)).toBeUndefined();
    calendar.closures.push({ start: '2026-03-31', end: '2026-03-31', label: 'Cesar Chavez Day', kind: 'holiday' });
    expect(findClosure('2026-03-31', calendar)?.label).toBe('Cesar Chavez Day');
  });

  it('keeps the explanation in JSON', () => {
    const [deadline] = computeDeadlines({
      caseFacts: [{ type: 'records_request', date: '2026-01-10', sourceId: 'event:1' }],
      jurisdiction: federalJurisdiction,
      today: '2026-03-04',
    });
    expect(deadline!.explanation).toMatch(/^Education records provided by Tuesday, February 24, 2026: 45 days after the records request/);
    expect(JSON.parse(JSON.stringify(deadline))).toMatchObject({ id: 'records-request:event:1', explanation: deadline!.explanation });
  });
});
