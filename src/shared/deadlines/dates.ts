import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { z } from 'zod';

// Calendar dates are parsed as UTC midnights so that day arithmetic never crosses a
// daylight-saving boundary (a local-time "day" can be 23 or 25 hours long).
dayjs.extend(customParseFormat);
dayjs.extend(utc);

/** A local calendar date, 'YYYY-MM-DD', validated as a real date (rejects 2027-02-29). */
export const isoDateSchema = z.iso.date();
export type IsoDate = string;

const isoFormat = 'YYYY-MM-DD';

function parse(date: IsoDate): Dayjs {
  const parsed = dayjs.utc(date, isoFormat, true);
  if (!parsed.isValid()) throw new RangeError(`Not a valid YYYY-MM-DD date: ${date}`);
  return parsed;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return parse(date).add(days, 'day').format(isoFormat);
}

/**
 * Adds whole years. A Feb 29 start lands on Feb 28 of a non-leap year (dayjs clamps to the
 * end of the month). We keep that earlier date on purpose: for "at least once a year" reviews
 * and for limitation periods the earlier date is the safe one for the family.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  return parse(date).add(years, 'year').format(isoFormat);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return parse(to).diff(parse(from), 'day');
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return parse(date).day();
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function isFeb29(date: IsoDate): boolean {
  return date.slice(5) === '02-29';
}

/** 'Tuesday, March 3, 2026' for explanations shown to the advocate. */
export function formatLongDate(date: IsoDate): string {
  return parse(date).format('dddd, MMMM D, YYYY');
}

export function weekdayName(date: IsoDate): string {
  return parse(date).format('dddd');
}

const liberalFormats = ['YYYY-MM-DD', 'YYYY/MM/DD', 'M/D/YYYY', 'MM/DD/YYYY', 'M-D-YYYY', 'YYYYMMDD'];

/**
 * Parses the date spellings found in district spreadsheets. US month-first order is assumed
 * for slashed dates because the app serves US school districts. Returns null when unparseable.
 */
export function parseLiberalDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  for (const format of liberalFormats) {
    const parsed = dayjs.utc(trimmed, format, true);
    if (parsed.isValid()) return parsed.format(isoFormat);
  }
  return null;
}

/** Builds a date from numbers (month 1-12); throws on impossible dates. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parse(text);
  return text;
}
