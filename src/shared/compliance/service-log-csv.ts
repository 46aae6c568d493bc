/**
 * Reads a provider's service log exported as CSV (columns date, minutes, provider, status, note;
 * header spellings and status wordings vary by district system) into implementation-log lines.
 *
 * The import is all or nothing: the preview lists every row that could not be read and why, and
 * the caller imports nothing while any error remains (`isImportable`). A partly imported log would
 * silently understate what was delivered or owed, and the numbers end up in letters and complaints.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import Papa from 'papaparse';
import type { Delivery, DeliveryStatus } from './types';

dayjs.extend(customParseFormat);

/** A readable row, ready to become a Delivery once the caller assigns the term and an id. */
export type ServiceLogRow = Omit<Delivery, 'id' | 'termId'>;

export interface ServiceLogError {
  /** Line of the file, counting the header as line 1. */
  line: number;
  reason: string;
}

export interface ServiceLogParseResult {
  rows: ServiceLogRow[];
  errors: ServiceLogError[];
}

type Column = 'date' | 'minutes' | 'provider' | 'status' | 'note' | 'count';

/** Header spellings seen in district and therapy-practice exports, after normalizeKey. */
const COLUMN_NAMES: Record<Column, string[]> = {
  date: ['date', 'service date', 'date of service', 'session date', 'delivered on', 'day', 'dos'],
  minutes: ['minutes', 'mins', 'min', 'duration', 'duration minutes', 'duration min', 'minutes delivered', 'time min', 'length'],
  provider: ['provider', 'provider name', 'service provider', 'therapist', 'staff', 'clinician', 'delivered by', 'teacher'],
  status: ['status', 'session status', 'attendance', 'outcome', 'result'],
  note: ['note', 'notes', 'comment', 'comments', 'remarks', 'description'],
  count: ['count', 'sessions', 'session count'],
};

/** Status wordings, after normalizeKey. */
const STATUS_WORDS: Record<DeliveryStatus, string[]> = {
  delivered: ['delivered', 'provided', 'complete', 'completed', 'done', 'held', 'attended', 'present', 'yes', 'served'],
  cut_short: ['cut short', 'partial', 'partially delivered', 'shortened', 'ended early', 'left early', 'short'],
  missed_provider_absent: [
    'missed provider absent',
    'provider absent',
    'missed provider',
    'provider out',
    'provider sick',
    'therapist absent',
    'staff absent',
    'missed staff absent',
  ],
  makeup: ['makeup', 'make up', 'make up session', 'makeup session', 'rescheduled', 'compensatory', 'made up'],
  missed_provider_cancelled: [
    'missed provider cancelled',
    'provider cancelled',
    'provider canceled',
    'therapist cancelled',
    'therapist canceled',
    'cancelled by provider',
    'canceled by provider',
  ],
  missed_school_event: ['missed school event', 'school event', 'assembly', 'field trip', 'testing', 'state testing', 'fire drill'],
  missed_family_cancelled: [
    'missed family cancelled',
    'family cancelled',
    'family canceled',
    'parent cancelled',
    'parent canceled',
    'cancelled by parent',
    'canceled by parent',
  ],
  missed_student_absent: [
    'missed student absent',
    'student absent',
    'missed student',
    'absent',
    'child absent',
    'student sick',
    'student out',
    'no show',
    'student no show',
    'student unavailable',
  ],
  missed_school_closed: ['missed school closed', 'school closed', 'closed', 'school closure', 'closure', 'holiday', 'snow day', 'weather'],
};

function normalizeKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const COLUMN_BY_NAME = new Map<string, Column>(
  (Object.entries(COLUMN_NAMES) as [Column, string[]][]).flatMap(([column, names]) => names.map((name) => [name, column] as const)),
);
const STATUS_BY_WORD = new Map<string, DeliveryStatus>(
  (Object.entries(STATUS_WORDS) as [DeliveryStatus, string[]][]).flatMap(([status, words]) => words.map((word) => [word, status] as const)),
);

const MISSED_STATUSES = new Set<DeliveryStatus>(['missed_provider_absent', 'missed_student_absent', 'missed_school_closed']);

/** 'YYYY-MM-DD' or US 'M/D/YYYY' (also 'MM/DD/YYYY') → ISO date, or null when not a real date. */
export function parseLogDate(value: string): string | null {
  const text = value.trim();
  for (const format of ['YYYY-MM-DD', 'M/D/YYYY', 'MM/DD/YYYY']) {
    const parsed = dayjs(text, format, true);
    if (parsed.isValid()) return parsed.format('YYYY-MM-DD');
  }
  return null;
}

/** Liberal status reading ('Provider absent', 'missed - student absent', 'cut_short'). */
export function parseLogStatus(value: string): DeliveryStatus | null {
  return STATUS_BY_WORD.get(normalizeKey(value)) ?? null;
}

type ColumnIndexes = Partial<Record<Column, number>>;

function readHeader(cells: readonly string[]): { indexes: ColumnIndexes; problem: string | null } {
  const indexes: ColumnIndexes = {};
  cells.forEach((cell, index) => {
    const column = COLUMN_BY_NAME.get(normalizeKey(cell));
    if (column && indexes[column] === undefined) indexes[column] = index;
  });
  const missing = (['date', 'minutes'] as const).filter((column) => indexes[column] === undefined);
  const problem = missing.length > 0 ? `the header has no ${missing.join(' or ')} column (found: ${cells.map((cell) => `"${cell.trim()}"`).join(', ')})` : null;
  return { indexes, problem };
}

function readRow(cells: readonly string[], indexes: ColumnIndexes): ServiceLogRow | string {
  const cell = (column: Column) => {
    const index = indexes[column];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const problems: string[] = [];

  const dateText = cell('date');
  const deliveredOn = parseLogDate(dateText);
  if (!dateText) problems.push('the date is missing');
  else if (!deliveredOn) problems.push(`"${dateText}" is not a date (use YYYY-MM-DD or M/D/YYYY)`);

  const statusText = cell('status');
  // A log without a status column (or a blank status) lists sessions that took place.
  const status: DeliveryStatus | null = statusText ? parseLogStatus(statusText) : 'delivered';
  if (!status) problems.push(`"${statusText}" is not a known status`);

  const minutesText = cell('minutes');
  let minutes: number | null = null;
  if (minutesText) {
    const match = /^(-?\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes)?$/i.exec(minutesText);
    const value = match ? Number(match[1]) : Number.NaN;
    if (Number.isNaN(value)) problems.push(`"${minutesText}" is not a number of minutes`);
    else if (value < 0) problems.push(`minutes cannot be negative (${minutesText})`);
    else if (!Number.isInteger(value)) problems.push(`minutes must be whole (${minutesText})`);
    else if (value > 1440) problems.push(`${value} minutes is more than a day`);
    else minutes = value;
  } else if (status && !MISSED_STATUSES.has(status)) {
    problems.push('the minutes are missing for a session that took place');
  }

  const countText = cell('count');
  let count: number | null = null;
  if (countText) {
    const value = Number(countText);
    if (!Number.isInteger(value) || value < 1) problems.push(`"${countText}" is not a number of sessions`);
    else count = value;
  }

  if (problems.length > 0 || !deliveredOn || !status) return problems.join('; ');
  return { deliveredOn, minutes, count, status, provider: cell('provider'), note: cell('note'), evidenceDocumentId: null };
}

/** Parses the whole file; never throws. Blank lines are skipped; every other line is a row or an error. */
export function parseServiceLogCsv(text: string): ServiceLogParseResult {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: ServiceLogRow[] = [];
  const errors: ServiceLogError[] = [];
  let header: { indexes: ColumnIndexes; problem: string | null } | null = null;
  let headerWidth = 0;
  let rowStart = 0;
  let countedTo = 0;
  let line = 1;

  Papa.parse<string[]>(normalized, {
    header: false,
    skipEmptyLines: false,
    newline: '\n',
    step: (result) => {
      // Quoted notes may span lines, so the line number comes from where the row starts.
      for (; countedTo < rowStart; countedTo += 1) if (normalized[countedTo] === '\n') line += 1;
      const rowLine = line;
      rowStart = result.meta.cursor + 1;
      const cells = result.data;
      if (cells.every((value) => value.trim() === '')) return;
      const parseError = result.errors.find((error) => error.code !== 'UndetectableDelimiter');
      if (header === null) {
        header = readHeader(cells);
        headerWidth = cells.length;
        if (header.problem) errors.push({ line: rowLine, reason: header.problem });
        return;
      }
      if (header.problem) return;
      if (parseError) {
        errors.push({ line: rowLine, reason: parseError.message });
        return;
      }
      if (cells.length > headerWidth) {
        errors.push({
          line: rowLine,
          reason: `the row has ${cells.length} fields but the header has ${headerWidth} (a comma in a note needs quotes)`,
        });
        return;
      }
      const row = readRow(cells, header.indexes);
      if (typeof row === 'string') errors.push({ line: rowLine, reason: row });
      else rows.push(row);
    },
  });

  if (header === null) errors.push({ line: 1, reason: 'the file is empty' });
  else if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, reason: 'the file has a header but no rows' });
  return { rows, errors };
}

/** Only a log with no unreadable rows may be imported, and then all of it at once. */
export function isImportable(result: ServiceLogParseResult): boolean {
  return result.errors.length === 0 && result.rows.length > 0;
}
