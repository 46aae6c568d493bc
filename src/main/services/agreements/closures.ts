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
import type { Closure } from '@shared/compliance';
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
