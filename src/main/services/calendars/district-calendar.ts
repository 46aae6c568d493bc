import { addCalendarDays, daysBetween, type Closure, type SchoolCalendar } from '@shared/deadlines';
import type { ClosureKind } from '@shared/deadlines';
import type { VaultDb } from '../../db/connection';

/** A district's school years joined into the one calendar the engine counts on. */
export interface DistrictCalendar {
  districtId: number;
  calendar: SchoolCalendar;
  /** The school years joined, oldest first ('2024-25', '2025-26'). */
  labels: string[];
}

interface YearRow {
  id: number;
  districtId: number;
  label: string;
  firstDay: string;
  lastDay: string;
}

// Two school years are consecutive when the summer between them is shorter than this. A longer
// gap means a year was never entered; counting across it would treat a whole school year as
// vacation, so only the run of consecutive years ending with the latest one is used, and counts
// before it fall back to the engine's own handling.
const maxSummerDays = 120;

function joinYears(districtId: number, years: YearRow[], closuresByYear: Map<number, Closure[]>): DistrictCalendar {
  const ordered = years.toSorted((left, right) => (left.firstDay < right.firstDay ? -1 : 1));
  let start = ordered.length - 1;
  while (start > 0 && daysBetween(ordered[start - 1]!.lastDay, ordered[start]!.firstDay) <= maxSummerDays) start -= 1;
  const chain = ordered.slice(start);
  const closures: Closure[] = [];
  chain.forEach((year, index) => {
    closures.push(...(closuresByYear.get(year.id) ?? []));
    const next = chain[index + 1];
    if (next && daysBetween(year.lastDay, next.firstDay) > 1) {
      // The summer between two entered years: no school, but district offices are open, so it
      // is a break (not counted as school days, still business days).
      const kind: ClosureKind = 'break';
      closures.push({ start: addCalendarDays(year.lastDay, 1), end: addCalendarDays(next.firstDay, -1), label: 'Summer vacation', kind });
    }
  });
  return {
    districtId,
    labels: chain.map((year) => year.label),
    calendar: {
      districtId: String(districtId),
      firstDay: chain[0]!.firstDay,
      lastDay: chain.at(-1)!.lastDay,
      closures: closures.sort((left, right) => (left.start < right.start ? -1 : left.start > right.start ? 1 : 0)),
      // Each school year's own first and last day: end-of-year rules and removal counts read them.
      years: chain.map((year) => ({ firstDay: year.firstDay, lastDay: year.lastDay, label: year.label })),
    },
  };
}

/** The calendars of the given districts (all districts when omitted), in two queries. */
export function loadDistrictCalendars(db: VaultDb, districtIds?: readonly number[]): Map<number, DistrictCalendar> {
  const filter = districtIds ? `WHERE district_id IN (${districtIds.map(() => '?').join(', ') || 'NULL'})` : '';
  const params = districtIds ? [...districtIds] : [];
  const years = db.sqlite
    .prepare(`SELECT id, district_id AS districtId, label, first_day AS firstDay, last_day AS lastDay FROM school_calendars ${filter}`)
    .all(...params) as YearRow[];
  if (years.length === 0) return new Map();
  const closureRows = db.sqlite
    .prepare(
      `SELECT cc.calendar_id AS calendarId, cc.start_on AS start, cc.end_on AS end, cc.label, cc.kind
         FROM calendar_closures cc JOIN school_calendars sc ON sc.id = cc.calendar_id ${filter.replace('district_id', 'sc.district_id')}
        ORDER BY cc.start_on, cc.id`,
    )
    .all(...params) as (Closure & { calendarId: number })[];
  const closuresByYear = new Map<number, Closure[]>();
  for (const { calendarId, ...closure } of closureRows) {
    const list = closuresByYear.get(calendarId);
    if (list) list.push(closure);
    else closuresByYear.set(calendarId, [closure]);
  }
  const yearsByDistrict = new Map<number, YearRow[]>();
  for (const year of years) {
    const list = yearsByDistrict.get(year.districtId);
    if (list) list.push(year);
    else yearsByDistrict.set(year.districtId, [year]);
  }
  return new Map([...yearsByDistrict].map(([districtId, rows]) => [districtId, joinYears(districtId, rows, closuresByYear)]));
}
