import { describe, expect, it } from 'vitest';
import { importCalendarCsv, importCalendarIcs } from './calendar-import';
import { addSchoolDays } from './school-calendar';

describe('CSV calendar import', () => {
  it('imports good rows and reports each bad row with its line number and reason', () => {
    const csv = [
      'Start,End,Label,Kind',
      '2025-11-27,,Thanksgiving,holiday',
      '12/22/2025,1/2/2026,Winter Break,break',
      '2026-13-01,,Bad month,holiday',
      '',
      '2026-03-20,2026-03-16,Backwards,break',
      '2026-04-03,,Good Friday,festival',
      ',,No date,holiday',
      '2026-05-25,,Memorial Day,Holiday',
    ].join('\n');
    const result = importCalendarCsv(csv);
    expect(result.closures).toEqual([
      { start: '2025-11-27', end: '2025-11-27', label: 'Thanksgiving', kind: 'holiday' },
      { start: '2025-12-22', end: '2026-01-02', label: 'Winter Break', kind: 'break' },
      { start: '2026-05-25', end: '2026-05-25', label: 'Memorial Day', kind: 'holiday' },
    ]);
    expect(result.errors).toEqual([
      { line: 4, reason: "'2026-13-01' is not a date (use YYYY-MM-DD or M/D/YYYY)" },
      { line: 6, reason: 'End date 2026-03-16 is before start date 2026-03-20' },
      { line: 7, reason: "Unknown kind 'festival' (use holiday, break, first day or last day)" },
      { line: 8, reason: 'Missing date' },
    ]);
  });

  it('accepts a Date,Holiday sheet and guesses the kind from the length', () => {
    const result = importCalendarCsv('Date,Holiday\n9/1/2025,Labor Day\n"10/13/2025","Staff Day"\n');
    expect(result.closures).toEqual([
      { start: '2025-09-01', end: '2025-09-01', label: 'Labor Day', kind: 'holiday' },
      { start: '2025-10-13', end: '2025-10-13', label: 'Staff Day', kind: 'holiday' },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('treats a range without a kind as a break and staff days as breaks', () => {
    const result = importCalendarCsv('from,to,description,type\n2026-03-16,2026-03-20,Spring,\n2026-02-13,,PD,Teacher Workday\n');
    expect(result.closures.map((closure) => [closure.label, closure.kind])).toEqual([
      ['PD', 'break'],
      ['Spring', 'break'],
    ]);
  });

  it('reads a headerless list of dates', () => {
    const result = importCalendarCsv('2025-09-01\n2025-11-27,Thanksgiving\n');
    expect(result.closures).toEqual([
      { start: '2025-09-01', end: '2025-09-01', label: 'Holiday', kind: 'holiday' },
      { start: '2025-11-27', end: '2025-11-27', label: 'Thanksgiving', kind: 'holiday' },
    ]);
  });

  it('takes the first and last day of school from marked rows', () => {
    const result = importCalendarCsv('date,label,kind\n2025-08-18,,First Day\n2026-05-29,,last_day\n2026-05-30,,last day\n');
    expect(result).toMatchObject({ firstDay: '2025-08-18', lastDay: '2026-05-29', closures: [] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(4);
  });

  it('refuses a file with no date column', () => {
    const result = importCalendarCsv('name,notes\nfoo,bar\n');
    expect(result.closures).toEqual([]);
    expect(result.errors).toEqual([{ line: 1, reason: 'No header with a date or start column, and the first cell is not a date' }]);
  });

  it('reports an empty file', () => {
    expect(importCalendarCsv('\n\n').errors).toEqual([{ line: 0, reason: 'The file has no rows' }]);
  });
});

function ics(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//District//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

describe('iCalendar import', () => {
  const winterBreak = ['BEGIN:VEVENT', 'UID:w', 'DTSTART;VALUE=DATE:20251222', 'DTEND;VALUE=DATE:20260103', 'SUMMARY:Winter Break', 'END:VEVENT'].join('\r\n');
  const thanksgiving = ['BEGIN:VEVENT', 'UID:t', 'DTSTART;VALUE=DATE:20251127', 'SUMMARY:Thanksgiving', 'END:VEVENT'].join('\r\n');

  it('turns a multi-day all-day event into a break ending the day before DTEND', () => {
    const result = importCalendarIcs(ics(winterBreak));
    expect(result.closures).toEqual([{ start: '2025-12-22', end: '2026-01-02', label: 'Winter Break', kind: 'break' }]);
    expect(result.errors).toEqual([]);
  });

  it('turns a single all-day event into a holiday', () => {
    expect(importCalendarIcs(ics(thanksgiving)).closures).toEqual([{ start: '2025-11-27', end: '2025-11-27', label: 'Thanksgiving', kind: 'holiday' }]);
  });

  it('reports a timed event with the line it starts on and skips cancelled ones', () => {
    const meeting = ['BEGIN:VEVENT', 'UID:m', 'DTSTART:20260110T170000Z', 'DTEND:20260110T180000Z', 'SUMMARY:Board meeting', 'END:VEVENT'].join('\r\n');
    const cancelled = ['BEGIN:VEVENT', 'UID:c', 'DTSTART;VALUE=DATE:20260220', 'STATUS:CANCELLED', 'SUMMARY:Snow day', 'END:VEVENT'].join('\r\n');
    const result = importCalendarIcs(ics(thanksgiving, meeting, cancelled));
    expect(result.closures).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 9, reason: "Event 'Board meeting' has a time of day, not an all-day event; not imported" }]);
  });

  it('expands a yearly recurring holiday for two years', () => {
    const yearly = ['BEGIN:VEVENT', 'UID:y', 'DTSTART;VALUE=DATE:20250704', 'RRULE:FREQ=YEARLY', 'SUMMARY:Independence Day', 'END:VEVENT'].join('\r\n');
    expect(importCalendarIcs(ics(yearly)).closures.map((closure) => closure.start)).toEqual(['2025-07-04', '2026-07-04', '2027-07-04']);
  });

  it('takes the first and last day of school from marked events', () => {
    const first = ['BEGIN:VEVENT', 'UID:f', 'DTSTART;VALUE=DATE:20250818', 'SUMMARY:First Day of School', 'END:VEVENT'].join('\r\n');
    const last = ['BEGIN:VEVENT', 'UID:l', 'DTSTART;VALUE=DATE:20260529', 'SUMMARY:Last day of school', 'END:VEVENT'].join('\r\n');
    expect(importCalendarIcs(ics(first, last, thanksgiving))).toMatchObject({ firstDay: '2025-08-18', lastDay: '2026-05-29' });
  });

  it('reports a file that is not iCalendar', () => {
    const result = importCalendarIcs('this is not a calendar');
    expect(result.closures).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line: 0 });
    expect(result.errors[0]!.reason).toContain('Not a valid iCalendar file');
  });

  it('yields closures that school-day counting skips', () => {
    const { closures } = importCalendarIcs(ics(winterBreak));
    const calendar = { firstDay: '2025-08-18', lastDay: '2026-05-29', closures };
    expect(addSchoolDays('2025-12-19', 10, calendar).date).toBe('2026-01-16');
  });
});
