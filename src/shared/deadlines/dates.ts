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

/*
 * Deadline counting steps through dates one day at a time (business and school days), for every
 * case on the dashboard: tens of thousands of steps. A strict dayjs parse per step made that
 * take seconds, so each date is parsed by dayjs once and remembered as a day number (whole days
 * since 1970-01-01); stepping is then adding to that number. The caches only ever hold dates
 * that were asked for, a few thousand in practice, and are emptied if they ever grow large.
 */
const epoch = dayjs.utc('1970-01-01', isoFormat, true);
const maxCachedDates = 100_000;
const dayNumbers = new Map<IsoDate, number>();
const datesByNumber = new Map<number, IsoDate>();

function remember(date: IsoDate, dayNumber: number): void {
  if (dayNumbers.size >= maxCachedDates) {
    dayNumbers.clear();
    datesByNumber.clear();
  }
  dayNumbers.set(date, dayNumber);
  datesByNumber.set(dayNumber, date);
}

/** Whole days since 1970-01-01; throws RangeError for anything but a real YYYY-MM-DD date. */
export function toDayNumber(date: IsoDate): number {
  const cached = dayNumbers.get(date);
  if (cached !== undefined) return cached;
  const dayNumber = parse(date).diff(epoch, 'day');
  remember(date, dayNumber);
  return dayNumber;
}

/** The inverse of toDayNumber. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const cached = datesByNumber.get(dayNumber);
  if (cached !== undefined) return cached;
  const date = epoch.add(dayNumber, 'day').format(isoFormat);
  remember(date, dayNumber);
  return date;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds whole years. A Feb 29 start lands on Feb 28 of a non-leap year (dayjs clamps to the
 * end of the month). We keep that earlier date on purpose: for "at least once a year" reviews
 * and for limitation periods the earlier date is the safe one for the family.
 */
const yearSums = new Map<string, IsoDate>();

export function addYears(date: IsoDate, years: number): IsoDate {
  const key = `${date}+${years}`;
  const cached = yearSums.get(key);
  if (cached !== undefined) return cached;
  const sum = parse(date).add(years, 'year').format(isoFormat);
  if (yearSums.size >= maxCachedDates) yearSums.clear();
  yearSums.set(key, sum);
  return sum;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

const weekdays = new Map<IsoDate, number>();

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  const cached = weekdays.get(date);
  if (cached !== undefined) return cached;
  const day = parse(date).day();
  if (weekdays.size >= maxCachedDates) weekdays.clear();
  weekdays.set(date, day);
  return day;
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function isFeb29(date: IsoDate): boolean {
  return date.slice(5) === '02-29';
}

/** 'Tuesday, March 3, 2026' for explanations shown to the advocate. */
const longDates = new Map<IsoDate, string>();

export function formatLongDate(date: IsoDate): string {
  const cached = longDates.get(date);
  if (cached !== undefined) return cached;
  const text = parse(date).format('dddd, MMMM D, YYYY');
  if (longDates.size >= maxCachedDates) longDates.clear();
  longDates.set(date, text);
  return text;
}

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(date: IsoDate): string {
  return weekdayNames[dayOfWeek(date)]!;
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
