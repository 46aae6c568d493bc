import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { IeeFields, IeeRequest } from '@shared/domain/iee-entities';
import { defaultIeeThresholdBusinessDays, ieeSilence, type SchoolCalendar } from '@shared/deadlines';
import { contactsTable, ieeRequestsTable, meetingsTable, type IeeRequestRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import { loadDistrictCalendars } from '../calendars/district-calendar';
import type { ServiceContext } from '../context';
import { readSetting, todayOf, writeSetting } from '../deadlines/settings-store';

const thresholdSetting = 'iee.silenceThresholdBusinessDays';

/** The vault's default silence threshold for new requests (the law gives no number). */
export function defaultSilenceThreshold(ctx: ServiceContext): number {
  const value = readSetting(ctx.db, thresholdSetting);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : defaultIeeThresholdBusinessDays;
}

export function getIeeSettings(ctx: ServiceContext): { defaultSilenceThresholdBusinessDays: number } {
  return { defaultSilenceThresholdBusinessDays: defaultSilenceThreshold(ctx) };
}

export function setIeeSettings(ctx: ServiceContext, input: ParsedInput<'iee.setSettings'>): { defaultSilenceThresholdBusinessDays: number } {
  ctx.db.sqlite.transaction(() => {
    writeSetting(ctx.db, thresholdSetting, input.defaultSilenceThresholdBusinessDays);
    recordAudit(ctx.db, { action: 'update', entity: 'setting', entityId: null, familyId: null, detail: thresholdSetting }, ctx.now());
  })();
  return getIeeSettings(ctx);
}

/**
 * 34 CFR 300.502(b)(2): how long the district has been silent. Business days skip the
 * district's holidays when its calendar is known. Answered requests never carry the flag.
 */
export function ieeStatus(
  row: Pick<IeeRequestRow, 'requestedOn' | 'respondedOn' | 'districtResponse' | 'silenceThresholdBusinessDays'>,
  today: string,
  calendar?: SchoolCalendar,
): IeeRequest['status'] {
  const isAnswered = row.districtResponse !== 'none_yet';
  const silence = ieeSilence({
    requestedOn: row.requestedOn,
    // An answer recorded without a date still stops the clock; count to today for the figures.
    respondedOn: isAnswered ? (row.respondedOn ?? today) : null,
    thresholdBusinessDays: row.silenceThresholdBusinessDays,
    today,
    ...(calendar ? { calendar } : {}),
  });
  return {
    daysSilent: silence.daysSilent,
    businessDaysSilent: silence.businessDaysSilent,
    thresholdDate: silence.thresholdDate,
    isAnswered,
    isFlagged: silence.isFlagged,
    flagLabel: silence.isFlagged ? silence.label : null,
  };
}

function calendarOfCase(ctx: ServiceContext, caseId: number): SchoolCalendar | undefined {
  const row = ctx.db.sqlite
    .prepare('SELECT coalesce(c.district_id, s.district_id) AS districtId FROM cases c JOIN students s ON s.id = c.student_id WHERE c.id = ?')
    .get(caseId) as { districtId: number | null } | undefined;
  if (!row?.districtId) return undefined;
  return loadDistrictCalendars(ctx.db, [row.districtId]).get(row.districtId)?.calendar;
}

function toRequest(row: IeeRequestRow, today: string, calendar: SchoolCalendar | undefined): IeeRequest {
  return { ...(row as Omit<IeeRequest, 'status'>), status: ieeStatus(row, today, calendar) };
}

export function listIeeRequests(ctx: ServiceContext, input: ParsedInput<'iee.list'>): IeeRequest[] {
  getCaseRow(ctx, input.caseId);
  const today = todayOf(ctx);
  const calendar = calendarOfCase(ctx, input.caseId);
  return ctx.db.orm
    .select()
    .from(ieeRequestsTable)
    .where(eq(ieeRequestsTable.caseId, input.caseId))
    .orderBy(ieeRequestsTable.requestedOn, ieeRequestsTable.id)
    .all()
    .map((row) => toRequest(row, today, calendar));
}

/** The evaluator must exist and the meeting must be one of this case's. */
function checkReferences(ctx: ServiceContext, caseId: number, fields: IeeFields): void {
  if (fields.evaluatorContactId !== null) {
    const contact = ctx.db.orm.select({ id: contactsTable.id }).from(contactsTable).where(eq(contactsTable.id, fields.evaluatorContactId)).get();
    if (!contact) throw new AppError('NOT_FOUND', 'That evaluator is no longer in your contacts.', { evaluatorContactId: 'Not found' });
  }
  if (fields.consideredAtMeetingId !== null) {
    const meeting = ctx.db.orm.select({ caseId: meetingsTable.caseId }).from(meetingsTable).where(eq(meetingsTable.id, fields.consideredAtMeetingId)).get();
    if (!meeting || meeting.caseId !== caseId) {
      throw new AppError('VALIDATION', 'Choose a meeting of this case.', { consideredAtMeetingId: 'Not a meeting of this case' });
    }
  }
}

function rowOrThrow(ctx: ServiceContext, id: number): IeeRequestRow {
  const row = ctx.db.orm.select().from(ieeRequestsTable).where(eq(ieeRequestsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That IEE request no longer exists.');
  return row;
}

export function createIeeRequest(ctx: ServiceContext, input: ParsedInput<'iee.create'>): IeeRequest {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    checkReferences(ctx, input.caseId, input.fields);
    const { silenceThresholdBusinessDays, ...fields } = input.fields;
    const row = ctx.db.orm
      .insert(ieeRequestsTable)
      .values({ ...fields, caseId: input.caseId, silenceThresholdBusinessDays: silenceThresholdBusinessDays ?? defaultSilenceThreshold(ctx) })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'iee_request', entityId: row.id, familyId }, ctx.now());
    return toRequest(row, todayOf(ctx), calendarOfCase(ctx, input.caseId));
  })();
}

export function updateIeeRequest(ctx: ServiceContext, input: ParsedInput<'iee.update'>): IeeRequest {
  return ctx.db.sqlite.transaction(() => {
    const existing = rowOrThrow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    checkReferences(ctx, existing.caseId, input.fields);
    const { silenceThresholdBusinessDays, ...fields } = input.fields;
    const row = ctx.db.orm
      .update(ieeRequestsTable)
      .set({
        ...fields,
        silenceThresholdBusinessDays: silenceThresholdBusinessDays ?? existing.silenceThresholdBusinessDays,
        updatedAt: ctx.now().toISOString(),
      })
      .where(eq(ieeRequestsTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'iee_request', entityId: input.id, familyId }, ctx.now());
    return toRequest(row, todayOf(ctx), calendarOfCase(ctx, existing.caseId));
  })();
}

export function deleteIeeRequest(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = rowOrThrow(ctx, id);
    const familyId = familyOfCase(ctx, existing.caseId);
    ctx.db.orm.delete(ieeRequestsTable).where(eq(ieeRequestsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'iee_request', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}
