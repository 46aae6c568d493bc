import dayjs from 'dayjs';

/** Calendar-date helpers for the demo generator: ISO 'YYYY-MM-DD' in, ISO out, dayjs inside. */

export function isoOf(date: Date): string {
  return dayjs(date).format('YYYY-MM-DD');
}

export function addDays(iso: string, days: number): string {
  return dayjs(iso).add(days, 'day').format('YYYY-MM-DD');
}

export function addMonths(iso: string, months: number): string {
  return dayjs(iso).add(months, 'month').format('YYYY-MM-DD');
}

export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return dayjs(iso).day();
}

/**
 * Moves a weekend date onto a school day: Saturday back to Friday, Sunday on to Monday (or back to
 * Friday when Monday would pass `latest`), because schools write, meet and evaluate on weekdays.
 */
export function toWeekday(iso: string, latest: string): string {
  const weekday = weekdayOf(iso);
  if (weekday === 6) return addDays(iso, -1);
  if (weekday === 0) {
    const monday = addDays(iso, 1);
    return monday <= latest ? monday : addDays(iso, -2);
  }
  return iso;
}

/** A date in a school break when sessions do not happen; the label goes in the log's note. */
export function schoolBreakOn(iso: string): string | null {
  const date = dayjs(iso);
  const month = date.month() + 1;
  const dayOfMonth = date.date();
  if ((month === 6 && dayOfMonth >= 12) || month === 7 || (month === 8 && dayOfMonth <= 14)) return 'Summer break';
  if ((month === 12 && dayOfMonth >= 22) || (month === 1 && dayOfMonth <= 2)) return 'Winter break';
  if (month === 3 && dayOfMonth >= 16 && dayOfMonth <= 20) return 'Spring break';
  if (month === 11 && dayOfMonth >= 26 && dayOfMonth <= 28) return 'Thanksgiving break';
  return null;
}

/** A date in the summer break moves to the first weekday of the new school year (mid-August). */
export function schoolDayOnOrAfter(iso: string): string {
  if (schoolBreakOn(iso) !== 'Summer break') return iso;
  const year = dayjs(iso).year();
  return toWeekday(`${year}-08-17`, `${year}-08-19`);
}

/**
 * The last day of the school year a service starting on `iso` runs through (mid-June):
 * agreements promise services "through the end of the school year". A start late in the year
 * runs through the next one.
 */
export function schoolYearEndFor(iso: string): string {
  const year = dayjs(iso).year();
  const sameYear = `${year}-06-11`;
  return daysBetween(iso, sameYear) >= 90 ? sameYear : `${year + 1}-06-11`;
}
