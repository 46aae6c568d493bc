import { z } from 'zod';
import { addCalendarDays, dayOfWeek, daysBetween, isoDateSchema, isWeekend, type IsoDate } from './dates';
import { federalHolidays, findFederalHoliday } from './federal-holidays';

export const closureKindSchema = z.enum(['holiday', 'break']);
export type ClosureKind = z.infer<typeof closureKindSchema>;

/** A day or run of days with no school; `end` is inclusive (a one-day holiday has start = end). */
export const closureSchema = z
  .object({
    start: isoDateSchema,
    end: isoDateSchema,
    label: z.string().min(1),
    kind: closureKindSchema,
  })
  .refine((closure) => closure.end >= closure.start, { message: 'end is before start', path: ['end'] });
export type Closure = z.infer<typeof closureSchema>;

/** One school year of one district. Days outside [firstDay, lastDay] (summer) have no school. */
export const schoolCalendarSchema = z
  .object({
    districtId: z.string().min(1).optional(),
    firstDay: isoDateSchema,
    lastDay: isoDateSchema,
    closures: z.array(closureSchema),
    /**
     * The school years joined into this calendar, oldest first (a district's calendar spans
     * several). Omitted: one school year from firstDay to lastDay.
     */
    years: z.array(z.object({ firstDay: isoDateSchema, lastDay: isoDateSchema, label: z.string().optional() })).optional(),
  })
  .refine((calendar) => calendar.lastDay >= calendar.firstDay, {
    message: 'last day is before first day',
    path: ['lastDay'],
  });
export type SchoolCalendar = z.infer<typeof schoolCalendarSchema>;

/** A date reached by counting days, and whether the count had to guess. */
export type CountedDate = { date: IsoDate; isEstimate: boolean };

// Any sane offset ends within a few years; a loop that runs longer means the calendar closes
// every day (e.g. a mistyped holiday spanning a decade), and we stop instead of hanging.
const maxDaysScanned = 3660 * 3;

// Counting looks up every day it steps over, so each calendar's closures are indexed by day
// once. Keyed by the closures array (calendars are treated as values, never edited in place);
// the length check catches an array that was appended to anyway.
const closureIndexes = new WeakMap<readonly Closure[], { size: number; byDate: Map<IsoDate, Closure> | null }>();
const maxIndexedClosureDays = 20_000;

function closureIndex(closures: readonly Closure[]): Map<IsoDate, Closure> | null {
  const cached = closureIndexes.get(closures);
  if (cached && cached.size === closures.length) return cached.byDate;
  let byDate: Map<IsoDate, Closure> | null = new Map();
  for (const closure of closures) {
    for (let date = closure.start; date <= closure.end; date = addCalendarDays(date, 1)) {
      // The first closure listed wins, as with a linear search.
      if (!byDate.has(date)) byDate.set(date, closure);
      if (byDate.size > maxIndexedClosureDays) break;
    }
    // A mistyped closure spanning decades: fall back to searching the list.
    if (byDate.size > maxIndexedClosureDays) {
      byDate = null;
      break;
    }
  }
  closureIndexes.set(closures, { size: closures.length, byDate });
  return byDate;
}

export function findClosure(date: IsoDate, calendar: SchoolCalendar | undefined): Closure | undefined {
  if (!calendar) return undefined;
  const byDate = closureIndex(calendar.closures);
  if (byDate) return byDate.get(date);
  return calendar.closures.find((closure) => closure.start <= date && date <= closure.end);
}

export function isWithinSchoolYear(date: IsoDate, calendar: SchoolCalendar): boolean {
  return calendar.firstDay <= date && date <= calendar.lastDay;
}

/** A weekday within the school year that no holiday or break closes. */
export function isSchoolDay(date: IsoDate, calendar: SchoolCalendar): boolean {
  return !isWeekend(date) && isWithinSchoolYear(date, calendar) && !findClosure(date, calendar);
}

/**
 * 34 CFR 300.11(b): a business day is Monday to Friday except federal and state holidays.
 * Federal holidays are computed (federal-holidays.ts); state and local holidays come from the
 * calendar's 'holiday' closures. School breaks are not holidays: district offices stay open over
 * spring break and summer, so a break's weekdays still count as business days.
 */
export function isBusinessDay(date: IsoDate, calendar?: SchoolCalendar): boolean {
  if (isWeekend(date) || findFederalHoliday(date)) return false;
  return findClosure(date, calendar)?.kind !== 'holiday';
}

function stepUntilCounted(start: IsoDate, amount: number, counts: (date: IsoDate) => boolean): IsoDate {
  let date = start;
  let counted = 0;
  let scanned = 0;
  while (counted < amount) {
    date = addCalendarDays(date, 1);
    if (counts(date)) counted += 1;
    scanned += 1;
    if (scanned > maxDaysScanned) throw new RangeError(`Could not count ${amount} days from ${start}: the calendar leaves no countable days`);
  }
  return date;
}

/** The day `amount` business days after `start` (the start day itself is not counted). */
export function addBusinessDays(start: IsoDate, amount: number, calendar?: SchoolCalendar): IsoDate {
  return stepUntilCounted(start, amount, (date) => isBusinessDay(date, calendar));
}

/** The first business day on or after `date`. */
export function nextBusinessDay(date: IsoDate, calendar?: SchoolCalendar): IsoDate {
  return isBusinessDay(date, calendar) ? date : addBusinessDays(date, 1, calendar);
}

/** Business days in (start, end]: the day after `start` counts, `start` itself does not. */
export function countBusinessDaysBetween(start: IsoDate, end: IsoDate, calendar?: SchoolCalendar): number {
  if (end <= start) return 0;
  // Long spans (an IEE request silent for a year, counted on every dashboard load) are counted
  // as weekdays minus the weekdays that are not business days, instead of day by day.
  const closureDays = closureDaysOf(calendar);
  if (daysBetween(start, end) > 31 && closureDays) return weekdaysAfter(start, end) - closedWeekdaysBetween(start, end, calendar, closureDays);
  let count = 0;
  for (let date = addCalendarDays(start, 1); date <= end; date = addCalendarDays(date, 1)) {
    if (isBusinessDay(date, calendar)) count += 1;
  }
  return count;
}

/** Weekdays in (start, end]. */
function weekdaysAfter(start: IsoDate, end: IsoDate): number {
  const days = daysBetween(start, end);
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  const startDay = dayOfWeek(start);
  for (let offset = fullWeeks * 7 + 1; offset <= days; offset++) {
    const day = (startDay + offset) % 7;
    if (day !== 0 && day !== 6) count += 1;
  }
  return count;
}

/**
 * Weekdays in (start, end] that are not business days: a federal holiday or a holiday closure.
 * The candidates (every federal holiday of the years around, every closure day) are checked
 * with isBusinessDay itself, so both ways of counting agree by construction.
 */
function closedWeekdaysBetween(start: IsoDate, end: IsoDate, calendar: SchoolCalendar | undefined, closureDays: readonly IsoDate[]): number {
  const candidates = new Set<IsoDate>();
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)) + 1; year++) {
    for (const holiday of federalHolidays(year)) if (holiday.date > start && holiday.date <= end) candidates.add(holiday.date);
  }
  for (const date of closureDays) if (date > start && date <= end) candidates.add(date);
  let count = 0;
  for (const date of candidates) if (!isWeekend(date) && !isBusinessDay(date, calendar)) count += 1;
  return count;
}

const closureDayLists = new WeakMap<readonly Closure[], { size: number; days: IsoDate[] | null }>();
const noClosureDays: IsoDate[] = [];

/** Every day some closure of the calendar covers; null for a closure spanning decades (count day by day then). */
function closureDaysOf(calendar: SchoolCalendar | undefined): IsoDate[] | null {
  if (!calendar) return noClosureDays;
  const cached = closureDayLists.get(calendar.closures);
  if (cached && cached.size === calendar.closures.length) return cached.days;
  const days = new Set<IsoDate>();
  for (const closure of calendar.closures) {
    for (let date = closure.start; date <= closure.end && days.size <= maxIndexedClosureDays; date = addCalendarDays(date, 1)) days.add(date);
  }
  const list = days.size > maxIndexedClosureDays ? null : [...days];
  closureDayLists.set(calendar.closures, { size: calendar.closures.length, days: list });
  return list;
}

/**
 * The day `amount` school days after `start`. Without a calendar, weekdays stand in for school
 * days and the result is an estimate. Days before the calendar's first day are summer and do not
 * count; once the count runs past the last day, the next school year is unknown, so the remaining
 * days are counted as weekdays and the result is an estimate.
 */
export function addSchoolDays(start: IsoDate, amount: number, calendar?: SchoolCalendar): CountedDate {
  if (!calendar) {
    return { date: stepUntilCounted(start, amount, (date) => !isWeekend(date)), isEstimate: true };
  }
  let isEstimate = false;
  const date = stepUntilCounted(start, amount, (candidate) => {
    if (candidate > calendar.lastDay) {
      isEstimate = true;
      return !isWeekend(candidate);
    }
    return isSchoolDay(candidate, calendar);
  });
  return { date, isEstimate };
}

const weekdayCounts = new WeakMap<Closure, number>();

/** Weekdays inside a closure: the school days it takes away from a normal week. */
export function countWeekdaysIn(closure: Closure): number {
  // Asked for every day a count steps through a break, so remembered per closure.
  const cached = weekdayCounts.get(closure);
  if (cached !== undefined) return cached;
  let count = 0;
  for (let date = closure.start; date <= closure.end; date = addCalendarDays(date, 1)) {
    if (!isWeekend(date)) count += 1;
  }
  weekdayCounts.set(closure, count);
  return count;
}

/** A school year: its first and last instructional days. */
export type SchoolYear = { firstDay: IsoDate; lastDay: IsoDate; label?: string | undefined };

export function schoolYearsOf(calendar: SchoolCalendar): SchoolYear[] {
  return calendar.years && calendar.years.length > 0 ? calendar.years : [{ firstDay: calendar.firstDay, lastDay: calendar.lastDay }];
}

/**
 * The school year a date belongs to: the one it falls in, or (in a summer) the one that just
 * ended. Undefined before the first known year or after the last one's summer is unknown.
 */
export function schoolYearOf(date: IsoDate, calendar: SchoolCalendar): SchoolYear | undefined {
  const years = schoolYearsOf(calendar);
  for (let index = years.length - 1; index >= 0; index -= 1) {
    const year = years[index]!;
    // A summer belongs to the year that just ended.
    if (date >= year.firstDay) return year;
  }
  return undefined;
}

/** The school year after `year`, when the calendar has it. */
export function nextSchoolYear(year: SchoolYear, calendar: SchoolCalendar): SchoolYear | undefined {
  return schoolYearsOf(calendar).find((candidate) => candidate.firstDay > year.lastDay);
}

/** School days in (start, end]: without a calendar, weekdays. */
export function countSchoolDaysBetween(start: IsoDate, end: IsoDate, calendar?: SchoolCalendar): number {
  let count = 0;
  for (let date = addCalendarDays(start, 1); date <= end; date = addCalendarDays(date, 1)) {
    if (calendar ? isSchoolDay(date, calendar) : !isWeekend(date)) count += 1;
  }
  return count;
}

function stepBackUntilCounted(start: IsoDate, amount: number, counts: (date: IsoDate) => boolean): IsoDate {
  let date = start;
  let counted = 0;
  let scanned = 0;
  while (counted < amount) {
    date = addCalendarDays(date, -1);
    if (counts(date)) counted += 1;
    scanned += 1;
    if (scanned > maxDaysScanned) throw new RangeError(`Could not count ${amount} days back from ${start}`);
  }
  return date;
}

/** The day `amount` business days before `start` ("at least five business days prior to a hearing"). */
export function subtractBusinessDays(start: IsoDate, amount: number, calendar?: SchoolCalendar): IsoDate {
  return stepBackUntilCounted(start, amount, (date) => isBusinessDay(date, calendar));
}

/** The day `amount` school days before `start`; without a calendar, weekdays (an estimate). */
export function subtractSchoolDays(start: IsoDate, amount: number, calendar?: SchoolCalendar): CountedDate {
  if (!calendar) return { date: stepBackUntilCounted(start, amount, (date) => !isWeekend(date)), isEstimate: true };
  let isEstimate = false;
  const date = stepBackUntilCounted(start, amount, (candidate) => {
    if (candidate < calendar.firstDay) {
      isEstimate = true;
      return !isWeekend(candidate);
    }
    return isSchoolDay(candidate, calendar);
  });
  return { date, isEstimate };
}
