import ICAL from 'ical.js';
import Papa from 'papaparse';
import { addCalendarDays, addYears, daysBetween, parseLiberalDate, type IsoDate } from './dates';
import type { Closure, ClosureKind } from './school-calendar';

/** `line` is 1-based in the imported text; 0 means the whole file. */
export type ImportError = { line: number; reason: string };

export type CalendarImport = {
  closures: Closure[];
  /** First and last day of school when the file marks them, else null. */
  firstDay: IsoDate | null;
  lastDay: IsoDate | null;
  errors: ImportError[];
  /** Grading (marking) periods the file lists; a make-up clause 'within the same grading period' counts on them. */
  gradingPeriods?: { start: IsoDate; end: IsoDate; label: string }[];
};

type Role = 'date' | 'start' | 'end' | 'label' | 'kind';

const headerAliases: Record<string, Role> = {
  date: 'date',
  day: 'date',
  closuredate: 'date',
  holidaydate: 'date',
  start: 'start',
  startdate: 'start',
  from: 'start',
  begin: 'start',
  begins: 'start',
  firstdate: 'start',
  end: 'end',
  enddate: 'end',
  to: 'end',
  through: 'end',
  thru: 'end',
  until: 'end',
  ends: 'end',
  lastdate: 'end',
  label: 'label',
  name: 'label',
  description: 'label',
  summary: 'label',
  title: 'label',
  event: 'label',
  holiday: 'label',
  reason: 'label',
  note: 'label',
  notes: 'label',
  kind: 'kind',
  type: 'kind',
  category: 'kind',
};

type KindWord = ClosureKind | 'first_day' | 'last_day' | 'grading_period';

// "Break" means no school but the district office is open (its weekdays stay business days);
// "holiday" means everything is closed. Staff days without students are therefore breaks.
const kindWords: Record<string, KindWord> = {
  holiday: 'holiday',
  holidays: 'holiday',
  closure: 'holiday',
  closed: 'holiday',
  'office closed': 'holiday',
  break: 'break',
  vacation: 'break',
  recess: 'break',
  'no school': 'break',
  'teacher workday': 'break',
  workday: 'break',
  'staff development': 'break',
  'professional development': 'break',
  inservice: 'break',
  'in service': 'break',
  'first day': 'first_day',
  'first day of school': 'first_day',
  'start of school': 'first_day',
  'last day': 'last_day',
  'last day of school': 'last_day',
  'end of school': 'last_day',
  'grading period': 'grading_period',
  'marking period': 'grading_period',
  quarter: 'grading_period',
  semester: 'grading_period',
  trimester: 'grading_period',
  term: 'grading_period',
};

// An all-day .ics event spanning weeks with a name like this is a grading period, not a closure.
const gradingPeriodLabel =
  /\b(grading|marking) period\b|^(quarter|semester|trimester|term)\s*\d|^(first|second|third|fourth) (quarter|semester|trimester)\b|^[QST][1-4]\b/i;

function normalizeKind(text: string): string {
  return text.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
}

function defaultLabel(kind: ClosureKind): string {
  return kind === 'holiday' ? 'Holiday' : 'Break';
}

function sortClosures(closures: Closure[]): Closure[] {
  return closures.toSorted((left, right) => left.start.localeCompare(right.start) || left.end.localeCompare(right.end));
}

/** Works out which column holds what, from a header row or, failing that, from the first row. */
function detectColumns(firstRow: string[]): { columns: Partial<Record<Role, number>>; hasHeader: boolean } | null {
  const columns: Partial<Record<Role, number>> = {};
  firstRow.forEach((cell, index) => {
    const role =
      headerAliases[
        cell
          .trim()
          .toLowerCase()
          .replace(/[^a-z]/g, '')
      ];
    if (role && columns[role] === undefined) columns[role] = index;
  });
  if (columns.date !== undefined || columns.start !== undefined) return { columns, hasHeader: true };
  // No header: a bare list of dates, or start,end,label,kind when the second cell is a date too.
  if (parseLiberalDate(firstRow[0] ?? '') === null) return null;
  return parseLiberalDate(firstRow[1] ?? '') === null
    ? { columns: { date: 0, label: 1, kind: 2 }, hasHeader: false }
    : { columns: { start: 0, end: 1, label: 2, kind: 3 }, hasHeader: false };
}

/**
 * Reads closures from a district spreadsheet. Columns are matched liberally (date or
 * start/end, label, kind); a missing kind means holiday for one day and break for a range; rows
 * whose kind is "first day" or "last day" set the school year. Bad rows are skipped and
 * reported with their line number, never guessed at.
 */
export function importCalendarCsv(text: string): CalendarImport {
  const result: CalendarImport = { closures: [], firstDay: null, lastDay: null, errors: [] };
  // Without header mode Papa keeps one array per line, so row index + 1 is the line number
  // (a quoted cell spanning lines would shift it; district calendars do not have those).
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  for (const error of parsed.errors) {
    // A one-column file has no delimiter to detect; Papa falls back to ',' which is right.
    if (error.type === 'Delimiter') continue;
    result.errors.push({ line: (error.row ?? 0) + 1, reason: error.message });
  }
  const rows = parsed.data;
  const firstIndex = rows.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (firstIndex === -1) {
    result.errors.push({ line: 0, reason: 'The file has no rows' });
    return result;
  }
  const detected = detectColumns(rows[firstIndex] ?? []);
  if (!detected) {
    result.errors.push({ line: firstIndex + 1, reason: 'No header with a date or start column, and the first cell is not a date' });
    return result;
  }
  const { columns } = detected;
  const cell = (row: string[], role: Role): string => {
    const index = columns[role];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };

  rows.forEach((row, index) => {
    const line = index + 1;
    if (index < firstIndex || (detected.hasHeader && index === firstIndex)) return;
    if (row.every((value) => value.trim() === '')) return;
    const startText = cell(row, 'date') || cell(row, 'start');
    if (startText === '') {
      result.errors.push({ line, reason: 'Missing date' });
      return;
    }
    const start = parseLiberalDate(startText);
    if (!start) {
      result.errors.push({ line, reason: `'${startText}' is not a date (use YYYY-MM-DD or M/D/YYYY)` });
      return;
    }
    const endText = cell(row, 'end');
    const end = endText === '' ? start : parseLiberalDate(endText);
    if (!end) {
      result.errors.push({ line, reason: `'${endText}' is not a date (use YYYY-MM-DD or M/D/YYYY)` });
      return;
    }
    if (end < start) {
      result.errors.push({ line, reason: `End date ${end} is before start date ${start}` });
      return;
    }
    const kindText = cell(row, 'kind');
    const kind: KindWord | undefined = kindText === '' ? (start === end ? 'holiday' : 'break') : kindWords[normalizeKind(kindText)];
    if (!kind) {
      result.errors.push({ line, reason: `Unknown kind '${kindText}' (use holiday, break, first day or last day)` });
      return;
    }
    if (kind === 'first_day' || kind === 'last_day') {
      const field = kind === 'first_day' ? 'firstDay' : 'lastDay';
      if (result[field] !== null) {
        result.errors.push({ line, reason: `A second ${kind === 'first_day' ? 'first' : 'last'} day of school (${start}); the first one was kept` });
        return;
      }
      result[field] = start;
      return;
    }
    if (kind === 'grading_period') {
      (result.gradingPeriods ??= []).push({ start, end, label: cell(row, 'label') || 'Grading period' });
      return;
    }
    result.closures.push({ start, end, label: cell(row, 'label') || defaultLabel(kind), kind });
  });
  result.closures = sortClosures(result.closures);
  return result;
}

// A yearly or weekly recurring closure is expanded this far ahead of its first date.
const recurrenceHorizonYears = 2;
const maxOccurrences = 400;

/**
 * Reads closures from an iCalendar file. All-day VEVENTs become closures; DTEND of an all-day
 * event is exclusive (RFC 5545), so a break from Dec 22 with DTEND Jan 2 ends on Jan 1.
 * Multi-day events (or ones named break/vacation) are breaks, single days are holidays.
 * Timed events are reported, not imported: a meeting is not a day off.
 */
export function importCalendarIcs(text: string): CalendarImport {
  const result: CalendarImport = { closures: [], firstDay: null, lastDay: null, errors: [] };
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    result.errors.push({ line: 0, reason: `Not a valid iCalendar file: ${error instanceof Error ? error.message : String(error)}` });
    return result;
  }
  // ical.js keeps no line numbers; the nth VEVENT is the nth BEGIN:VEVENT line of the raw text.
  const eventLines = text.split(/\r?\n/).flatMap((rawLine, index) => (/^BEGIN:VEVENT\s*$/i.test(rawLine) ? [index + 1] : []));

  calendar.getAllSubcomponents('vevent').forEach((component, index) => {
    const line = eventLines[index] ?? 0;
    const event = new ICAL.Event(component);
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
    const label = event.summary?.trim() || '';
    if (!component.hasProperty('dtstart')) {
      result.errors.push({ line, reason: `Event '${label || 'untitled'}' has no start date` });
      return;
    }
    if (!event.startDate.isDate) {
      result.errors.push({ line, reason: `Event '${label || 'untitled'}' has a time of day, not an all-day event; not imported` });
      return;
    }
    const start = event.startDate.toString();
    const exclusiveEnd = event.endDate.toString();
    const lengthInDays = Math.max(1, daysBetween(start, exclusiveEnd));
    const marker = /^(first|last) day( of (school|classes|instruction))?$/i.exec(label);
    if (marker) {
      const field = marker[1]?.toLowerCase() === 'first' ? 'firstDay' : 'lastDay';
      if (result[field] === null) result[field] = start;
      else result.errors.push({ line, reason: `A second '${label}' (${start}); the first one was kept` });
      return;
    }
    if (lengthInDays > 1 && gradingPeriodLabel.test(label) && !event.isRecurring()) {
      (result.gradingPeriods ??= []).push({ start, end: addCalendarDays(start, lengthInDays - 1), label });
      return;
    }
    const kind: ClosureKind = lengthInDays > 1 || /break|vacation|recess/i.test(label) ? 'break' : 'holiday';
    const closureLabel = label || defaultLabel(kind);
    const occurrenceStarts: IsoDate[] = [];
    if (event.isRecurring()) {
      const horizon = addYears(start, recurrenceHorizonYears);
      const expansion = event.iterator();
      for (let next = expansion.next(); next && occurrenceStarts.length < maxOccurrences; next = expansion.next()) {
        const occurrence = next.toString().slice(0, 10);
        if (occurrence > horizon) break;
        occurrenceStarts.push(occurrence);
      }
    } else {
      occurrenceStarts.push(start);
    }
    for (const occurrence of occurrenceStarts) {
      result.closures.push({ start: occurrence, end: addCalendarDays(occurrence, lengthInDays - 1), label: closureLabel, kind });
    }
  });
  result.closures = sortClosures(result.closures);
  return result;
}
