/**
 * The district calendar as the compliance math needs it: the closures (holidays, breaks, and the
 * summers between consecutive school years on file) of the case's district (the case's own, else
 * the student's), from the calendars service (src/main/services/calendars/district-calendar.ts),
 * so deadlines and compliance count school days on the same calendar.
 *
 * Before the first and after the last school year on file nothing is inferred: without any
 * calendar every weekday counts as a school day, and the explanation names no breaks.
 *
 * Each district's list is one array shared by all its cases: the compliance module compiles a
 * calendar once per array.
 */
import { eq } from 'drizzle-orm';
import type { Closure, GradingPeriod, SchoolYear } from '@shared/compliance';
import { casesTable, studentsTable } from '../../db/schema';
import { loadDistrictCalendars } from '../calendars/district-calendar';
import type { ServiceContext } from '../context';

/** The district whose calendar governs a case: the case's own, else the student's. */
export function districtOfCase(ctx: ServiceContext, caseId: number): number | null {
  const row = ctx.db.orm
    .select({ caseDistrictId: casesTable.districtId, studentDistrictId: studentsTable.districtId })
    .from(casesTable)
    .innerJoin(studentsTable, eq(studentsTable.id, casesTable.studentId))
    .where(eq(casesTable.id, caseId))
    .get();
  return row?.caseDistrictId ?? row?.studentDistrictId ?? null;
}

export function loadClosuresForDistrict(ctx: ServiceContext, districtId: number | null): Closure[] {
  if (districtId === null) return [];
  return loadDistrictCalendars(ctx.db, [districtId]).get(districtId)?.calendar.closures ?? [];
}

/** The closures that reduce what a case's terms owe. */
export function loadClosuresForCase(ctx: ServiceContext, caseId: number): Closure[] {
  return loadClosuresForDistrict(ctx, districtOfCase(ctx, caseId));
}

/** Every district's closures (two queries), keyed by district id, for the caseload-wide list. */
export function loadClosuresByDistrict(ctx: ServiceContext): Map<number, Closure[]> {
  return new Map([...loadDistrictCalendars(ctx.db)].map(([districtId, district]) => [districtId, district.calendar.closures]));
}

/** The district calendar's school years and grading periods, which make-up windows count on. */
export interface CalendarExtras {
  schoolYears: SchoolYear[];
  gradingPeriods: GradingPeriod[];
}

const NO_EXTRAS: CalendarExtras = { schoolYears: [], gradingPeriods: [] };

/** Every district's school years and grading periods (two queries), keyed by district id. */
export function loadCalendarExtrasByDistrict(ctx: ServiceContext, districtId?: number): Map<number, CalendarExtras> {
  const filter = districtId === undefined ? '' : 'WHERE sc.district_id = ?';
  const params = districtId === undefined ? [] : [districtId];
  const years = ctx.db.sqlite
    .prepare(
      `SELECT sc.district_id AS districtId, sc.first_day AS firstDay, sc.last_day AS lastDay, sc.label FROM school_calendars sc ${filter} ORDER BY sc.first_day`,
    )
    .all(...params) as (SchoolYear & { districtId: number })[];
  const periods = ctx.db.sqlite
    .prepare(
      `SELECT sc.district_id AS districtId, gp.start_on AS start, gp.end_on AS end, gp.label
         FROM grading_periods gp JOIN school_calendars sc ON sc.id = gp.calendar_id ${filter} ORDER BY gp.start_on`,
    )
    .all(...params) as (GradingPeriod & { districtId: number })[];
  const byDistrict = new Map<number, CalendarExtras>();
  const entry = (id: number) => {
    let found = byDistrict.get(id);
    if (!found) byDistrict.set(id, (found = { schoolYears: [], gradingPeriods: [] }));
    return found;
  };
  for (const { districtId: id, ...year } of years) entry(id).schoolYears.push(year);
  for (const { districtId: id, ...period } of periods) entry(id).gradingPeriods.push(period);
  return byDistrict;
}

/** A case's school years and grading periods. */
export function loadCalendarExtrasForCase(ctx: ServiceContext, caseId: number): CalendarExtras {
  const districtId = districtOfCase(ctx, caseId);
  if (districtId === null) return NO_EXTRAS;
  return loadCalendarExtrasByDistrict(ctx, districtId).get(districtId) ?? NO_EXTRAS;
}
