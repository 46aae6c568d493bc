import { addCalendarDays, dayOfWeek, makeDate, type IsoDate } from './dates';

export type Holiday = { date: IsoDate; name: string };

/** The nth (1-based) given weekday (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): IsoDate {
  const first = makeDate(year, month, 1);
  const shift = (weekday - dayOfWeek(first) + 7) % 7;
  return addCalendarDays(first, shift + (nth - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): IsoDate {
  const nextMonthFirst = month === 12 ? makeDate(year + 1, 1, 1) : makeDate(year, month + 1, 1);
  const last = addCalendarDays(nextMonthFirst, -1);
  const shift = (dayOfWeek(last) - weekday + 7) % 7;
  return addCalendarDays(last, -shift);
}

/** 5 U.S.C. 6103(b): a holiday on a Saturday is observed Friday, on a Sunday the Monday. */
function observed(date: IsoDate): IsoDate {
  const day = dayOfWeek(date);
  if (day === 6) return addCalendarDays(date, -1);
  if (day === 0) return addCalendarDays(date, 1);
  return date;
}

const cache = new Map<number, Holiday[]>();

/**
 * Federal legal public holidays (5 U.S.C. 6103(a)) on their observed dates. IDEA's business
 * day excludes federal and state holidays (34 CFR 300.11(b)); federal ones are computable, state
 * ones come from the district calendar. Juneteenth is included from 2021, when it became law.
 */
export function federalHolidays(year: number): Holiday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const fixed = (month: number, day: number, name: string): Holiday => ({
    date: observed(makeDate(year, month, day)),
    name,
  });
  const holidays: Holiday[] = [
    fixed(1, 1, "New Year's Day"),
    { date: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.' },
    { date: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday" },
    { date: lastWeekday(year, 5, 1), name: 'Memorial Day' },
    ...(year >= 2021 ? [fixed(6, 19, 'Juneteenth National Independence Day')] : []),
    fixed(7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 10, 1, 2), name: 'Columbus Day' },
    fixed(11, 11, 'Veterans Day'),
    { date: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day' },
    fixed(12, 25, 'Christmas Day'),
  ];
  cache.set(year, holidays);
  return holidays;
}

const byDate = new Map<number, Map<IsoDate, Holiday>>();

function holidaysByDate(year: number): Map<IsoDate, Holiday> {
  const cached = byDate.get(year);
  if (cached) return cached;
  const map = new Map(federalHolidays(year).map((holiday) => [holiday.date, holiday]));
  byDate.set(year, map);
  return map;
}

/**
 * The federal holiday observed on `date`, if any (New Year's can be observed on Dec 31).
 * Called for every day a business-day count steps over, hence the per-year lookup maps.
 */
export function findFederalHoliday(date: IsoDate): Holiday | undefined {
  const year = Number(date.slice(0, 4));
  return holidaysByDate(year).get(date) ?? holidaysByDate(year + 1).get(date);
}
