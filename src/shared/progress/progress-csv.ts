/**
 * Reads a goal's progress data from CSV (a teacher's probe sheet, a progress report typed up, the
 * advocate's own data): columns date and value, optionally the district's rating and a note. All
 * or nothing, as the service log import (src/shared/compliance/service-log-csv.ts, whose date
 * reader this uses): every unreadable line is listed and nothing is imported while one remains.
 */
import Papa from 'papaparse';
import { parseLogDate } from '../compliance/service-log-csv';
import { DISTRICT_RATINGS, type DistrictRating } from './goal-trend';

export interface ProgressCsvRow {
  measuredOn: string;
  value: number;
  districtRating: DistrictRating | null;
  note: string;
}

export interface ProgressCsvResult {
  rows: ProgressCsvRow[];
  errors: { line: number; reason: string }[];
}

type Column = 'date' | 'value' | 'rating' | 'note';

const COLUMN_NAMES: Record<Column, string[]> = {
  date: ['date', 'measured on', 'probe date', 'date measured', 'report date'],
  value: ['value', 'score', 'result', 'data', 'measure', 'percent', 'accuracy', 'wcpm', 'count'],
  rating: ['rating', 'district rating', 'progress', 'progress rating', 'status'],
  note: ['note', 'notes', 'comment', 'comments'],
};

function normalizeKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const RATING_BY_WORD = new Map<string, DistrictRating>([
  ...DISTRICT_RATINGS.map((rating) => [normalizeKey(rating), rating] as const),
  ['m', 'mastered'],
  ['met', 'mastered'],
  ['p', 'progressing'],
  ['sp', 'progressing'],
  ['making progress', 'progressing'],
  ['sufficient progress', 'progressing'],
  ['np', 'not_progressing'],
  ['no progress', 'not_progressing'],
  ['insufficient progress', 'not_progressing'],
  ['ni', 'not_introduced'],
  ['not addressed', 'not_introduced'],
]);

export function parseProgressCsv(text: string): ProgressCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const rows: ProgressCsvRow[] = [];
  const errors: ProgressCsvResult['errors'] = [];
  const [headerCells, ...body] = parsed.data;
  if (!headerCells || headerCells.every((cell) => cell.trim() === '')) return { rows, errors: [{ line: 1, reason: 'the file is empty' }] };
  const indexes: Partial<Record<Column, number>> = {};
  headerCells.forEach((cell, index) => {
    const key = normalizeKey(cell);
    for (const [column, names] of Object.entries(COLUMN_NAMES) as [Column, string[]][]) {
      if (names.includes(key) && indexes[column] === undefined) indexes[column] = index;
    }
  });
  const missing = (['date', 'value'] as const).filter((column) => indexes[column] === undefined);
  if (missing.length > 0) return { rows, errors: [{ line: 1, reason: `the header has no ${missing.join(' or ')} column` }] };
  body.forEach((cells, position) => {
    const line = position + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const cell = (column: Column) => (indexes[column] === undefined ? '' : (cells[indexes[column]!] ?? '').trim());
    const problems: string[] = [];
    const measuredOn = parseLogDate(cell('date'));
    if (!measuredOn) problems.push(cell('date') ? `"${cell('date')}" is not a date (use YYYY-MM-DD or M/D/YYYY)` : 'the date is missing');
    const valueText = cell('value').replace(/%$/, '');
    const value = valueText === '' ? Number.NaN : Number(valueText);
    if (!Number.isFinite(value) || Math.abs(value) > 1_000_000) problems.push(cell('value') ? `"${cell('value')}" is not a number` : 'the value is missing');
    const ratingText = cell('rating');
    const districtRating = ratingText ? (RATING_BY_WORD.get(normalizeKey(ratingText)) ?? null) : null;
    if (ratingText && !districtRating) problems.push(`"${ratingText}" is not a rating (mastered, progressing, not progressing, not introduced)`);
    if (problems.length > 0 || !measuredOn) errors.push({ line, reason: problems.join('; ') });
    else rows.push({ measuredOn, value, districtRating, note: cell('note') });
  });
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, reason: 'the file has a header but no rows' });
  return { rows, errors };
}
