import { z } from 'zod';
import { makeDate, type IsoDate } from './dates';
import type { CaseFact } from './facts';
import { schoolYearOf, type SchoolCalendar } from './school-calendar';

/** 34 CFR 300.530(b)(2), (d)(4), 300.536(a)(2): more than 10 school days of removal in a school year. */
export const removalThresholdSchoolDays = 10;

export const removalYearSchema = z.object({
  /** '2026-27' */
  schoolYear: z.string(),
  /** School days removed in that year, from the removals with a recorded count. */
  schoolDays: z.number().int(),
  removals: z.number().int(),
  /** Removals recorded without a number of school days (counted as 0 here). */
  uncounted: z.number().int(),
  threshold: z.number().int(),
  isOverThreshold: z.boolean(),
  /** Day 11: the first school day of removal from which services are owed, when known. */
  flag: z.string().nullable(),
});
export type RemovalYear = z.infer<typeof removalYearSchema>;

function yearLabel(start: IsoDate): string {
  const year = Number(start.slice(0, 4));
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Without a district calendar, a school year runs July 1 to June 30. */
function yearStart(date: IsoDate, calendar: SchoolCalendar | undefined): IsoDate {
  const year = calendar ? schoolYearOf(date, calendar) : undefined;
  if (year) return year.firstDay;
  const calendarYear = Number(date.slice(0, 4));
  return date.slice(5) >= '07-01' ? makeDate(calendarYear, 7, 1) : makeDate(calendarYear - 1, 7, 1);
}

/**
 * The running count of removal days per school year. Passing 10 cumulative days is not by itself
 * a change of placement: it raises a "possible pattern" flag (the district must decide under
 * 300.536(b)) and services are owed from the 11th day (300.530(d)(4)). No clock starts here;
 * the manifestation clock waits for a change-of-placement decision.
 */
export function removalYears(facts: readonly CaseFact[], calendar?: SchoolCalendar): RemovalYear[] {
  const byYear = new Map<IsoDate, { schoolDays: number; removals: number; uncounted: number }>();
  for (const fact of facts) {
    if (fact.type !== 'disciplinary_removal') continue;
    const start = yearStart(fact.date, calendar);
    const entry = byYear.get(start) ?? { schoolDays: 0, removals: 0, uncounted: 0 };
    entry.removals += 1;
    const days = fact.attributes?.schoolDays;
    if (typeof days === 'number') entry.schoolDays += days;
    else entry.uncounted += 1;
    byYear.set(start, entry);
  }
  return [...byYear]
    .sort(([left], [right]) => (left < right ? -1 : 1))
    .map(([start, entry]) => {
      const isOverThreshold = entry.schoolDays > removalThresholdSchoolDays;
      return {
        schoolYear: yearLabel(start),
        ...entry,
        threshold: removalThresholdSchoolDays,
        isOverThreshold,
        flag: isOverThreshold
          ? `${entry.schoolDays} school days of removal in ${yearLabel(start)}: possible pattern (300.536(b)); services required from day 11 (300.530(d)(4)). The manifestation review clock starts only when a change of placement is decided.`
          : null,
      };
    });
}
