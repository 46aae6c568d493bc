import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { CalendarImportPreview, CalendarImportResult, SchoolCalendarRecord } from '@shared/domain/deadline-entities';
import type { CalendarImport, Closure, ClosureKind } from '@shared/deadlines';
import { parseInProcess } from '../documents/parser-process';
import { calendarClosuresTable, districtsTable, gradingPeriodsTable, schoolCalendarsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';

interface CalendarValues {
  districtId: number;
  label: string;
  firstDay: string;
  lastDay: string;
  closures: Closure[];
  gradingPeriods?: { start: string; end: string; label: string }[];
}

function toRecord(ctx: ServiceContext, id: number): SchoolCalendarRecord {
  const row = ctx.db.sqlite
    .prepare(
      `SELECT sc.id, sc.district_id AS districtId, d.name AS districtName, sc.label, sc.first_day AS firstDay,
              sc.last_day AS lastDay, sc.updated_at AS updatedAt
         FROM school_calendars sc JOIN districts d ON d.id = sc.district_id WHERE sc.id = ?`,
    )
    .get(id) as Omit<SchoolCalendarRecord, 'closures'> | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That school calendar no longer exists.');
  const closures = ctx.db.sqlite
    .prepare('SELECT start_on AS start, end_on AS end, label, kind FROM calendar_closures WHERE calendar_id = ? ORDER BY start_on, id')
    .all(id) as { start: string; end: string; label: string; kind: ClosureKind }[];
  const gradingPeriods = ctx.db.sqlite
    .prepare('SELECT start_on AS start, end_on AS end, label FROM grading_periods WHERE calendar_id = ? ORDER BY start_on, id')
    .all(id) as { start: string; end: string; label: string }[];
  return { ...row, closures, gradingPeriods };
}

/** School years, newest first within each district. */
export function listCalendars(ctx: ServiceContext, input: ParsedInput<'calendars.list'>): SchoolCalendarRecord[] {
  const ids = ctx.db.sqlite
    .prepare(
      `SELECT sc.id FROM school_calendars sc JOIN districts d ON d.id = sc.district_id
        ${input.districtId === undefined ? '' : 'WHERE sc.district_id = ?'}
        ORDER BY d.name COLLATE NOCASE, sc.first_day DESC`,
    )
    .all(...(input.districtId === undefined ? [] : [input.districtId])) as { id: number }[];
  return ids.map((row) => toRecord(ctx, row.id));
}

function closuresOutside(values: CalendarValues): Closure | undefined {
  return values.closures.find((closure) => closure.start < values.firstDay || closure.end > values.lastDay);
}

/** Grading periods must lie within the school year and not overlap (a miss belongs to one period). */
function gradingPeriodProblem(values: CalendarValues): string | null {
  const periods = [...(values.gradingPeriods ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  for (const [index, period] of periods.entries()) {
    if (period.start < values.firstDay || period.end > values.lastDay) {
      return `Grading period '${period.label}' (${period.start} to ${period.end}) is outside the school year ${values.firstDay} to ${values.lastDay}.`;
    }
    const next = periods[index + 1];
    if (next && next.start <= period.end) return `Grading periods '${period.label}' and '${next.label}' overlap.`;
  }
  return null;
}

/** Writes a whole school year (replacing its closures) in the caller's transaction. */
function writeCalendar(ctx: ServiceContext, id: number | undefined, values: CalendarValues): number {
  const district = ctx.db.orm.select({ id: districtsTable.id }).from(districtsTable).where(eq(districtsTable.id, values.districtId)).get();
  if (!district) throw new AppError('NOT_FOUND', 'That district no longer exists.');
  const outside = closuresOutside(values);
  if (outside) {
    throw new AppError('VALIDATION', `'${outside.label}' (${outside.start}) is outside the school year ${values.firstDay} to ${values.lastDay}.`, {
      closures: 'A closure is outside the school year',
    });
  }
  const periodProblem = gradingPeriodProblem(values);
  if (periodProblem) throw new AppError('VALIDATION', periodProblem, { gradingPeriods: periodProblem });
  const clash = ctx.db.sqlite.prepare('SELECT id FROM school_calendars WHERE district_id = ? AND label = ?').get(values.districtId, values.label) as
    { id: number } | undefined;
  if (clash && clash.id !== id) {
    throw new AppError('CONFLICT', `This district already has a school year called '${values.label}'.`, { label: 'Already used' });
  }
  const stamp = ctx.now().toISOString();
  const row = { districtId: values.districtId, label: values.label, firstDay: values.firstDay, lastDay: values.lastDay };
  let calendarId = id;
  if (calendarId === undefined) {
    calendarId = ctx.db.orm.insert(schoolCalendarsTable).values(row).returning({ id: schoolCalendarsTable.id }).get().id;
  } else {
    const updated = ctx.db.orm
      .update(schoolCalendarsTable)
      .set({ ...row, updatedAt: stamp })
      .where(eq(schoolCalendarsTable.id, calendarId))
      .returning({ id: schoolCalendarsTable.id })
      .get();
    if (!updated) throw new AppError('NOT_FOUND', 'That school calendar no longer exists.');
    ctx.db.orm.delete(calendarClosuresTable).where(eq(calendarClosuresTable.calendarId, calendarId)).run();
    ctx.db.orm.delete(gradingPeriodsTable).where(eq(gradingPeriodsTable.calendarId, calendarId)).run();
  }
  const gradingPeriods = values.gradingPeriods ?? [];
  if (gradingPeriods.length > 0) {
    ctx.db.orm
      .insert(gradingPeriodsTable)
      .values(gradingPeriods.map((period) => ({ calendarId: calendarId!, startOn: period.start, endOn: period.end, label: period.label })))
      .run();
  }
  if (values.closures.length > 0) {
    ctx.db.orm
      .insert(calendarClosuresTable)
      .values(
        values.closures.map((closure) => ({ calendarId: calendarId!, startOn: closure.start, endOn: closure.end, label: closure.label, kind: closure.kind })),
      )
      .run();
  }
  return calendarId;
}

export function saveCalendar(ctx: ServiceContext, input: ParsedInput<'calendars.save'>): SchoolCalendarRecord {
  return ctx.db.sqlite.transaction(() => {
    const id = writeCalendar(ctx, input.id, input.fields);
    recordAudit(
      ctx.db,
      {
        action: input.id === undefined ? 'create' : 'update',
        entity: 'school_calendar',
        entityId: id,
        familyId: null,
        detail: `closures:${input.fields.closures.length}`,
      },
      ctx.now(),
    );
    return toRecord(ctx, id);
  })();
}

export function deleteCalendar(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const deleted = ctx.db.orm.delete(schoolCalendarsTable).where(eq(schoolCalendarsTable.id, id)).returning({ id: schoolCalendarsTable.id }).get();
    if (!deleted) throw new AppError('NOT_FOUND', 'That school calendar no longer exists.');
    recordAudit(ctx.db, { action: 'delete', entity: 'school_calendar', entityId: id, familyId: null }, ctx.now());
  })();
  return { ok: true };
}

/** The calendar file, as read from disk by the service process, and its format. */
export interface CalendarFileInput {
  format: 'csv' | 'ics';
  bytes: Uint8Array;
}

/** Parses the file; saves nothing. */
export async function previewCalendarImport(input: CalendarFileInput): Promise<CalendarImportPreview> {
  if (input.bytes.byteLength === 0) throw new AppError('VALIDATION', 'The calendar file is empty.', { file: 'The file is empty' });
  // Read in the bounded parser process (time and memory limits): a calendar file is untrusted.
  const outcome = await parseInProcess(input.format === 'csv' ? 'calendar-csv' : 'calendar-ics', input.bytes);
  if (!outcome.ok) throw new AppError('VALIDATION', `The calendar file could not be read: ${outcome.message}`, { file: outcome.message });
  const parsed = outcome.data as CalendarImport;
  return { ...parsed, gradingPeriods: parsed.gradingPeriods ?? [], isValid: parsed.errors.length === 0 };
}

/**
 * All or nothing: any row error, a missing first or last day, or a closure outside the school
 * year means nothing is saved and the preview comes back with the reasons.
 */
export async function importCalendar(
  ctx: ServiceContext,
  input: Omit<ParsedInput<'calendars.import'>, 'file'> & CalendarFileInput,
): Promise<CalendarImportResult> {
  const preview = await previewCalendarImport(input);
  const firstDay = preview.firstDay ?? input.firstDay ?? null;
  const lastDay = preview.lastDay ?? input.lastDay ?? null;
  const errors = [...preview.errors];
  if (!firstDay) errors.push({ line: 0, reason: 'The file does not mark the first day of school; enter it before importing.' });
  if (!lastDay) errors.push({ line: 0, reason: 'The file does not mark the last day of school; enter it before importing.' });
  if (firstDay && lastDay && lastDay < firstDay) errors.push({ line: 0, reason: `The last day of school (${lastDay}) is before the first (${firstDay}).` });
  if (firstDay && lastDay && errors.length === 0) {
    const outside = closuresOutside({ districtId: input.districtId, label: input.label, firstDay, lastDay, closures: preview.closures });
    if (outside) errors.push({ line: 0, reason: `'${outside.label}' (${outside.start}) is outside the school year ${firstDay} to ${lastDay}.` });
    const periodProblem = gradingPeriodProblem({
      districtId: input.districtId,
      label: input.label,
      firstDay,
      lastDay,
      closures: [],
      gradingPeriods: preview.gradingPeriods,
    });
    if (periodProblem) errors.push({ line: 0, reason: periodProblem });
  }
  const checked: CalendarImportPreview = { ...preview, firstDay, lastDay, errors, isValid: errors.length === 0 };
  if (!checked.isValid || !firstDay || !lastDay) return { isSaved: false, calendar: null, preview: checked };

  return ctx.db.sqlite.transaction((): CalendarImportResult => {
    const existing = ctx.db.sqlite.prepare('SELECT id FROM school_calendars WHERE district_id = ? AND label = ?').get(input.districtId, input.label) as
      { id: number } | undefined;
    const id = writeCalendar(ctx, existing?.id, {
      districtId: input.districtId,
      label: input.label,
      firstDay,
      lastDay,
      closures: preview.closures,
      gradingPeriods: preview.gradingPeriods,
    });
    recordAudit(
      ctx.db,
      {
        action: existing ? 'update' : 'create',
        entity: 'school_calendar',
        entityId: id,
        familyId: null,
        detail: `import:${input.format};closures:${preview.closures.length}`,
      },
      ctx.now(),
    );
    return { isSaved: true, calendar: toRecord(ctx, id), preview: checked };
  })();
}
