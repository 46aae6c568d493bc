/**
 * The case records letters are drafted from: IEE requests, meetings (with decisions), agreements'
 * compliance, and the jurisdiction's records-access period.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import { ieeRequestsTable, meetingDecisionsTable, meetingsTable, eventsTable, type IeeRequestRow, type MeetingRow } from '../../db/schema';
import { termComplianceForReport } from '../agreements';
import type { ServiceContext } from '../context';
import { applyOffset, rulePeriod, type OffsetUnit } from '@shared/deadlines';
import { loadDistrictCalendars } from '../calendars/district-calendar';
import { jurisdictionResolver } from '../jurisdictions/jurisdiction-service';

export function ieeRequestFor(ctx: ServiceContext, caseId: number, id: number | undefined): IeeRequestRow | null {
  if (id !== undefined) {
    const row = ctx.db.orm.select().from(ieeRequestsTable).where(eq(ieeRequestsTable.id, id)).get();
    if (!row || row.caseId !== caseId) throw new AppError('NOT_FOUND', 'That IEE request is not part of this case.');
    return row;
  }
  return (
    ctx.db.orm
      .select()
      .from(ieeRequestsTable)
      .where(eq(ieeRequestsTable.caseId, caseId))
      .orderBy(desc(ieeRequestsTable.requestedOn), desc(ieeRequestsTable.id))
      .get() ?? null
  );
}

export function openIeeRequests(ctx: ServiceContext, caseId: number): IeeRequestRow[] {
  return ctx.db.orm
    .select()
    .from(ieeRequestsTable)
    .where(eq(ieeRequestsTable.caseId, caseId))
    .orderBy(asc(ieeRequestsTable.requestedOn))
    .all()
    .filter((row) => row.districtResponse === 'none_yet' || row.districtResponse === 'refused_without_filing');
}

const MEETING_TYPE_WORDS: Record<string, string> = {
  iep_meeting: 'IEP meeting',
  resolution_session: 'resolution session',
  mediation: 'mediation session',
};

export function meetingTypeWords(type: string): string {
  return MEETING_TYPE_WORDS[type] ?? 'meeting';
}

export interface MeetingFacts {
  meeting: MeetingRow;
  date: string;
  decisions: { who: string; what: string; dueOn: string | null }[];
}

/**
 * The meeting a letter is about: the one asked for, else the next one on or after `date`
 * (`'next'`, for a concern statement) or the last one on or before it (`'last'`, for a follow-up).
 */
export function meetingFor(
  ctx: ServiceContext,
  caseId: number,
  id: number | undefined,
  date: string,
  which: 'next' | 'last',
  options: { isMediationSkipped?: boolean } = {},
): MeetingFacts | null {
  let meeting: MeetingRow | undefined;
  if (id !== undefined) {
    meeting = ctx.db.orm.select().from(meetingsTable).where(eq(meetingsTable.id, id)).get();
    if (!meeting || meeting.caseId !== caseId) throw new AppError('NOT_FOUND', 'That meeting is not part of this case.');
  } else {
    const all = ctx.db.orm
      .select()
      .from(meetingsTable)
      .where(eq(meetingsTable.caseId, caseId))
      .orderBy(asc(meetingsTable.heldAt), asc(meetingsTable.id))
      .all()
      .filter((row) => !options.isMediationSkipped || row.type !== 'mediation');
    meeting = which === 'next' ? all.find((row) => row.heldAt.slice(0, 10) >= date) : all.filter((row) => row.heldAt.slice(0, 10) <= date).at(-1);
  }
  if (!meeting) return null;
  const decisions = ctx.db.orm
    .select({ who: meetingDecisionsTable.who, what: meetingDecisionsTable.what, dueOn: meetingDecisionsTable.dueOn })
    .from(meetingDecisionsTable)
    .where(eq(meetingDecisionsTable.meetingId, meeting.id))
    .orderBy(asc(meetingDecisionsTable.id))
    .all();
  return { meeting, date: meeting.heldAt.slice(0, 10), decisions };
}

/** The next meeting-type timeline event on or after `date`, when no meeting record exists. */
export function nextMeetingEventDate(ctx: ServiceContext, caseId: number, date: string): string | null {
  const rows = ctx.db.orm
    .select({ occurredOn: eventsTable.occurredOn, type: eventsTable.type })
    .from(eventsTable)
    .where(eq(eventsTable.caseId, caseId))
    .orderBy(asc(eventsTable.occurredOn))
    .all();
  const types = new Set(['iep_meeting', 'meeting', 'mediation', 'resolution_meeting']);
  return rows.find((row) => types.has(row.type) && row.occurredOn >= date)?.occurredOn ?? null;
}

/**
 * Days the district has to provide records: 45 calendar days under 34 CFR 300.613(a), or the
 * jurisdiction's shorter period when its rule (with the advocate's overrides) sets one.
 */
export function recordsAccessDays(ctx: ServiceContext, jurisdiction: string): number {
  try {
    const rule = jurisdictionResolver(ctx.db)(jurisdiction).overrides['records-request'];
    const offset = rule?.offset;
    if (offset && offset.unit === 'calendar_days' && offset.amount >= 1 && offset.amount <= 45) return offset.amount;
  } catch {
    // An unknown or damaged jurisdiction falls back to the federal period.
  }
  return 45;
}

/**
 * The case's records rule as the deadlines tab quotes it (one function, `rulePeriod`), and the
 * date it gives for a request sent on `date`, counted by the same engine on the district calendar.
 */
export function recordsAccessPeriod(
  ctx: ServiceContext,
  caseId: number,
  jurisdiction: string,
  date: string,
): { accessPeriod?: { amount: number; unit: OffsetUnit; text: string; citation: string; dueDate: string } } {
  try {
    const rules = jurisdictionResolver(ctx.db)(jurisdiction);
    const period = rulePeriod(rules, 'records-request');
    if (!period) return {};
    const districtId =
      (
        ctx.db.sqlite
          .prepare('SELECT coalesce(c.district_id, s.district_id) AS id FROM cases c JOIN students s ON s.id = c.student_id WHERE c.id = ?')
          .get(caseId) as { id: number | null } | undefined
      )?.id ?? null;
    const calendar = districtId === null ? undefined : loadDistrictCalendars(ctx.db, [districtId]).get(districtId)?.calendar;
    const dueDate = applyOffset(date, { amount: period.amount, unit: period.unit }, calendar).date;
    return { accessPeriod: { amount: period.amount, unit: period.unit, text: period.text, citation: period.citation, dueDate } };
  } catch {
    return {};
  }
}

export interface AgreementShortfall {
  agreementId: number;
  agreementTitle: string;
  shortfall: number;
  behind: { description: string; explanation: string }[];
}

/** The case's agreements with their terms behind, most shortfall first. */
export function agreementShortfalls(ctx: ServiceContext, caseId: number, asOf: string): AgreementShortfall[] {
  const byAgreement = new Map<number, AgreementShortfall>();
  for (const row of termComplianceForReport(ctx, caseId, asOf)) {
    const entry = byAgreement.get(row.agreementId) ?? { agreementId: row.agreementId, agreementTitle: row.agreementTitle, shortfall: 0, behind: [] };
    entry.shortfall += Math.max(0, row.shortfall);
    if (row.status === 'behind') entry.behind.push({ description: row.description, explanation: row.explanation });
    byAgreement.set(row.agreementId, entry);
  }
  return [...byAgreement.values()].sort((a, b) => b.shortfall - a.shortfall || a.agreementId - b.agreementId);
}
