/**
 * Calendar days as integers (days since 1970-01-01) and the district's school calendar.
 *
 * Why integers: the compliance of a whole caseload (thousands of terms, a hundred thousand log
 * lines) is recomputed on every screen; counting school days with dayjs objects day by day is too
 * slow for that. Dates are still parsed and formatted with dayjs; only the counting of whole
 * calendar days is integer arithmetic, which has no time-zone or daylight-saving pitfalls because
 * Date.UTC is used purely as a day counter.
 */
import dayjs from 'dayjs';
import type { Closure } from './types';

const MILLISECONDS_PER_DAY = 86_400_000;
const EPOCH = '1970-01-01';
const CACHE_LIMIT = 50_000;

// Logs repeat the same few hundred dates, so each string is parsed by dayjs once.
const dayNumberCache = new Map<string, number>();

const DIGIT_ZERO = 48;
const HYPHEN = 45;

/** The digits of text[from, to) as a whole number; NaN when one of them is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - DIGIT_ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** '2025-09-08' → days since 1970-01-01. The string must already be a valid ISO date. */
export function toDayNumber(isoDate: string): number {
  // The usual 'YYYY-MM-DD' is counted directly (no parse, no cache lookup, nothing allocated):
  // Date.UTC rolls an out-of-range month or day over exactly as dayjs does below.
  if (isoDate.length === 10 && isoDate.charCodeAt(4) === HYPHEN && isoDate.charCodeAt(7) === HYPHEN) {
    const year = digitsAt(isoDate, 0, 4);
    const month = digitsAt(isoDate, 5, 7);
    const date = digitsAt(isoDate, 8, 10);
    if (year >= 100 && month === month && date === date) return Date.UTC(year, month - 1, date) / MILLISECONDS_PER_DAY;
  }
  const cached = dayNumberCache.get(isoDate);
  if (cached !== undefined) return cached;
  const parsed = dayjs(isoDate);
  const day = Date.UTC(parsed.year(), parsed.month(), parsed.date()) / MILLISECONDS_PER_DAY;
  if (dayNumberCache.size >= CACHE_LIMIT) dayNumberCache.clear();
  dayNumberCache.set(isoDate, day);
  return day;
}

const isoCache = new Map<number, string>();
const labelCache = new Map<string, string>();

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function fromDayNumber(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = dayjs(EPOCH).add(day, 'day').format('YYYY-MM-DD');
    if (isoCache.size >= CACHE_LIMIT) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

/** '8 Sep', or '8 Sep 2025' when the year must be said. */
export function formatDay(day: number, withYear = false): string {
  // Month first, as @shared/format writes every date ('Sep 8', 'Sep 8, 2025').
  const format = withYear ? 'MMM D, YYYY' : 'MMM D';
  const key = `${day}|${format}`;
  let label = labelCache.get(key);
  if (label === undefined) {
    label = dayjs(EPOCH).add(day, 'day').format(format);
    if (labelCache.size >= CACHE_LIMIT) labelCache.clear();
    labelCache.set(key, label);
  }
  return label;
}

/** The calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MILLISECONDS_PER_DAY).getUTCFullYear();
}

// 1970-01-01 was a Thursday; shifting by 3 puts Monday 1969-12-29 at index 0 of a Mon-Sun week.
const MONDAY_SHIFT = 3;

function positiveModulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Monday-based weekday index: 0 = Monday ... 6 = Sunday. */
export function weekdayIndex(day: number): number {
  return positiveModulo(day + MONDAY_SHIFT, 7);
}

export function isWeekday(day: number): boolean {
  return weekdayIndex(day) < 5;
}

/** The Monday of the Mon-Sun week holding `day`. */
export function mondayOf(day: number): number {
  return day - weekdayIndex(day);
}

function weekdaysBefore(day: number): number {
  const shifted = day + MONDAY_SHIFT;
  const weeks = Math.floor(shifted / 7);
  return weeks * 5 + Math.min(shifted - weeks * 7, 5);
}

/** Mondays to Fridays in [first, last], both included. */
export function countWeekdays(first: number, last: number): number {
  if (last < first) return 0;
  return weekdaysBefore(last + 1) - weekdaysBefore(first);
}

/** First day of the calendar month holding `day`, and first day of the next month. */
export function monthBounds(day: number): { first: number; nextFirst: number } {
  const date = new Date(day * MILLISECONDS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  return {
    first: Date.UTC(year, month, 1) / MILLISECONDS_PER_DAY,
    nextFirst: Date.UTC(year, month + 1, 1) / MILLISECONDS_PER_DAY,
  };
}

export interface CompiledClosure {
  first: number;
  last: number;
  label: string;
  kind: Closure['kind'];
}

/** The district calendar, ready for counting: which weekdays the school is closed. */
export interface SchoolCalendar {
  closures: CompiledClosure[];
  closedDays: Set<number>;
  /** Closed Mondays-to-Fridays, ascending, each once. */
  closedWeekdays: number[];
  /** The same, split by weekday index (0 = Monday ... 4 = Friday). */
  closedByWeekday: number[][];
  /** Days in a 'holiday' closure: offices closed too, so not business days. */
  holidayDays: Set<number>;
}

// The same closures array is passed for every term of a caseload; compile it once.
const calendarCache = new WeakMap<readonly Closure[], SchoolCalendar>();

export function compileCalendar(closures: readonly Closure[]): SchoolCalendar {
  const cached = calendarCache.get(closures);
  if (cached) return cached;
  const compiled: CompiledClosure[] = closures.map((closure) => ({
    first: toDayNumber(closure.start),
    last: toDayNumber(closure.end),
    label: closure.label,
    kind: closure.kind,
  }));
  const closedDays = new Set<number>();
  for (const closure of compiled) {
    for (let day = closure.first; day <= closure.last; day += 1) closedDays.add(day);
  }
  const closedWeekdays = [...closedDays].filter(isWeekday).sort((a, b) => a - b);
  const closedByWeekday: number[][] = [[], [], [], [], []];
  for (const day of closedWeekdays) closedByWeekday[weekdayIndex(day)]!.push(day);
  const holidayDays = new Set<number>();
  for (const closure of compiled) {
    if (closure.kind !== 'holiday') continue;
    for (let day = closure.first; day <= closure.last; day += 1) holidayDays.add(day);
  }
  const calendar: SchoolCalendar = { closures: compiled, closedDays, closedWeekdays, closedByWeekday, holidayDays };
  calendarCache.set(closures, calendar);
  return calendar;
}

/** Index of the first element >= value in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** School days (Mondays to Fridays not in a closure) in [first, last], both included. */
export function countSchoolDays(calendar: SchoolCalendar, first: number, last: number): number {
  if (last < first) return 0;
  const closed = lowerBound(calendar.closedWeekdays, last + 1) - lowerBound(calendar.closedWeekdays, first);
  return countWeekdays(first, last) - closed;
}

export function isSchoolDay(calendar: SchoolCalendar, day: number): boolean {
  return isWeekday(day) && !calendar.closedDays.has(day);
}

/** Days with weekday index `weekday` (0 = Monday) in [first, last], both included. */
export function countWeekdayIn(first: number, last: number, weekday: number): number {
  if (last < first) return 0;
  const firstHit = first + positiveModulo(weekday - weekdayIndex(first), 7);
  return firstHit > last ? 0 : Math.floor((last - firstHit) / 7) + 1;
}

/** School days in [first, last] that fall on one of `weekdays` (0 = Monday ... 4 = Friday). */
export function countSchoolDaysOn(calendar: SchoolCalendar, first: number, last: number, weekdays: readonly number[]): number {
  if (last < first) return 0;
  let total = 0;
  for (const weekday of weekdays) {
    const closed = calendar.closedByWeekday[weekday];
    if (!closed) continue;
    total += countWeekdayIn(first, last, weekday) - (lowerBound(closed, last + 1) - lowerBound(closed, first));
  }
  return total;
}

/** A business day: Monday to Friday and not a holiday (a school break leaves offices open). */
export function isBusinessDay(calendar: SchoolCalendar, day: number): boolean {
  return isWeekday(day) && !calendar.holidayDays.has(day);
}

export type DayCountKind = 'calendar' | 'business' | 'school';

function isCountedDay(calendar: SchoolCalendar, day: number, kind: DayCountKind): boolean {
  if (kind === 'calendar') return true;
  return kind === 'business' ? isBusinessDay(calendar, day) : isSchoolDay(calendar, day);
}

// Ten years of days: a calendar that closes every day must not hang the count.
const MAX_SCAN = 3660;

/** The `count`-th counted day after `day` ('within 10 school days after'); `day` itself is not counted. */
export function addCountedDays(calendar: SchoolCalendar, day: number, count: number, kind: DayCountKind): number {
  if (kind === 'calendar') return day + count;
  let current = day;
  let left = count;
  for (let scanned = 0; left > 0 && scanned < MAX_SCAN; scanned += 1) {
    current += 1;
    if (isCountedDay(calendar, current, kind)) left -= 1;
  }
  return current;
}

/** Counted days in (from, to]: how late `to` is after `from`, in the given unit. */
export function countCountedDays(calendar: SchoolCalendar, from: number, to: number, kind: DayCountKind): number {
  if (to <= from) return 0;
  if (kind === 'calendar') return to - from;
  if (kind === 'school') return countSchoolDays(calendar, from + 1, to);
  let count = 0;
  for (let day = from + 1; day <= to && day - from <= MAX_SCAN; day += 1) if (isBusinessDay(calendar, day)) count += 1;
  return count;
}

/** The nearest school day on or before (direction -1) or on or after (+1) `day`. */
export function nearestSchoolDay(calendar: SchoolCalendar, day: number, direction: 1 | -1): number {
  let current = day;
  for (let scanned = 0; !isSchoolDay(calendar, current) && scanned < MAX_SCAN; scanned += 1) current += direction;
  return current;
}
