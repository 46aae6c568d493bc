import { describe, expect, it } from 'vitest';
import { importCalendarCsv, importCalendarIcs } from './calendar-import';

// Issue 11: grading periods are part of the school calendar and are imported like closures.
describe('grading periods in an imported calendar', () => {
  it('reads quarters and marking periods from a CSV, apart from the closures', () => {
    const result = importCalendarCsv(
      [
        'start,end,label,kind',
        '2025-08-25,2025-08-25,First day,first day',
        '2025-08-25,2025-10-31,Quarter 1,quarter',
        '2025-11-03,2026-01-23,Q2,marking period',
        '2025-11-27,2025-11-28,Thanksgiving,break',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.gradingPeriods).toEqual([
      { start: '2025-08-25', end: '2025-10-31', label: 'Quarter 1' },
      { start: '2025-11-03', end: '2026-01-23', label: 'Q2' },
    ]);
    expect(result.closures).toEqual([{ start: '2025-11-27', end: '2025-11-28', label: 'Thanksgiving', kind: 'break' }]);
  });

  it('reads a multi-day all-day event named like a grading period from an .ics file', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:q1',
      'DTSTART;VALUE=DATE:20250825',
      'DTEND;VALUE=DATE:20251101',
      'SUMMARY:Quarter 1',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:tg',
      'DTSTART;VALUE=DATE:20251127',
      'DTEND;VALUE=DATE:20251129',
      'SUMMARY:Thanksgiving break',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = importCalendarIcs(ics);
    expect(result.gradingPeriods).toEqual([{ start: '2025-08-25', end: '2025-10-31', label: 'Quarter 1' }]);
    expect(result.closures.map((closure) => closure.label)).toEqual(['Thanksgiving break']);
  });
});
