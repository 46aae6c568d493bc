/**
 * Loads what the red-flag rules read, for one case or every open case, in a handful of queries:
 * the deadlines engine's items (passed in: computed for one case, stored for the caseload), IEE
 * requests with the IEE service's own silence status, meetings with their outcome, the agreement
 * tracker's stored summaries for today, and the timeline facts the "district silent" rule reads.
 */
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import type { FlagAgreement, FlagDeadline, FlagEvent, FlagIeeRequest, FlagInput, FlagMeeting } from '@shared/escalation/red-flags';
import type { ServiceContext } from '../context';
import { loadDistrictCalendars } from '../calendars/district-calendar';
import { ieeStatus } from '../iee/iee-service';
import { refreshAgreementSummaries } from '../agreements/agreements-behind';
import { readSetting } from '../deadlines/settings-store';

export const silenceDaysSetting = 'escalation.silenceDays';
/** A common practice: two weeks without an answer to a letter is worth a follow-up. */
export const defaultSilenceDays = 14;

export function silenceDaysOf(ctx: ServiceContext): number {
  const value = readSetting(ctx.db, silenceDaysSetting);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : defaultSilenceDays;
}

export function toFlagDeadline(item: DeadlineItem): FlagDeadline {
  return {
    key: item.key,
    ruleId: item.derived?.ruleId ?? null,
    title: item.title,
    dueDate: item.dueDate,
    status: item.status,
    nature: item.nature,
    citation: item.derived?.citation ?? null,
  };
}

/** Timeline facts the silence rule reads: requests, and what may answer them. */
const SILENCE_EVENT_TYPES = [
  'letter',
  'records_request',
  'email',
  'phone_call',
  'prior_written_notice',
  'records_produced',
  'iep_meeting',
  'meeting',
  'complaint_response',
];

/** A letter made here and marked sent (it has its document), not addressed as the district's voice. */
const SENT_LETTER = `e.type = 'letter' AND ct.district_id IS NULL AND EXISTS (SELECT 1 FROM document_events de WHERE de.event_id = e.id)`;

function inList(ids: readonly number[]): string {
  return `(SELECT value FROM json_each('${JSON.stringify(ids.map((id) => Math.trunc(id)))}'))`;
}

/** The flag inputs of each case (without deadlines, which the caller supplies). */
export function loadFlagInputs(ctx: ServiceContext, caseIds: readonly number[], today: string): Map<number, Omit<FlagInput, 'deadlines'>> {
  const silenceDays = silenceDaysOf(ctx);
  const inputs = new Map<number, Omit<FlagInput, 'deadlines'>>();
  for (const caseId of caseIds) inputs.set(caseId, { today, ieeRequests: [], meetings: [], agreements: [], events: [], silenceDays });
  if (caseIds.length === 0) return inputs;
  const ids = inList(caseIds);

  const iee = ctx.db.sqlite
    .prepare(
      `SELECT i.id, i.case_id AS caseId, i.disputed_evaluation AS disputedEvaluation, i.requested_on AS requestedOn,
              i.district_response AS districtResponse, i.responded_on AS respondedOn, i.silence_threshold_business_days AS threshold,
              coalesce(c.district_id, s.district_id) AS districtId
         FROM iee_requests i JOIN cases c ON c.id = i.case_id JOIN students s ON s.id = c.student_id
        WHERE i.case_id IN ${ids} ORDER BY i.requested_on, i.id`,
    )
    .all() as {
    id: number;
    caseId: number;
    disputedEvaluation: string;
    requestedOn: string;
    districtResponse: string;
    respondedOn: string | null;
    threshold: number;
    districtId: number | null;
  }[];
  const calendars = loadDistrictCalendars(ctx.db, [
    ...new Set(iee.flatMap((row) => (row.districtId === null || row.districtResponse !== 'none_yet' ? [] : [row.districtId]))),
  ]);
  for (const row of iee) {
    // The IEE service's own silence count (business days on the district's calendar): one rule, one
    // place. An answered request is never silent, so only the unanswered ones are counted.
    const status =
      row.districtResponse !== 'none_yet'
        ? { isFlagged: false, flagLabel: null, thresholdDate: null }
        : ieeStatus(
            { requestedOn: row.requestedOn, respondedOn: row.respondedOn, districtResponse: row.districtResponse, silenceThresholdBusinessDays: row.threshold },
            today,
            row.districtId === null ? undefined : calendars.get(row.districtId)?.calendar,
          );
    const request: FlagIeeRequest = {
      id: row.id,
      disputedEvaluation: row.disputedEvaluation,
      requestedOn: row.requestedOn,
      districtResponse: row.districtResponse,
      respondedOn: row.respondedOn,
      isSilenceFlagged: status.isFlagged,
      silenceLabel: status.flagLabel,
      silenceThresholdDate: status.thresholdDate,
    };
    (inputs.get(row.caseId)!.ieeRequests as FlagIeeRequest[]).push(request);
  }

  const meetings = ctx.db.sqlite
    .prepare(`SELECT id, case_id AS caseId, type, substr(held_at, 1, 10) AS heldOn, outcome FROM meetings WHERE case_id IN ${ids} ORDER BY held_at, id`)
    .all() as (FlagMeeting & { caseId: number })[];
  for (const { caseId, ...meeting } of meetings) (inputs.get(caseId)!.meetings as FlagMeeting[]).push(meeting);

  // The agreement tracker's verdict for today (recomputed only where its inputs changed).
  refreshAgreementSummaries(ctx, today);
  const agreements = ctx.db.sqlite
    .prepare(
      `SELECT a.id, a.case_id AS caseId, a.title, a.type, s.status, s.summary FROM agreements a JOIN agreement_summaries s ON s.agreement_id = a.id
        WHERE a.case_id IN ${ids} AND s.computed_on = ? AND s.status IN ('behind', 'review_missed') ORDER BY a.id`,
    )
    .all(today) as { id: number; caseId: number; title: string; type: string; status: string; summary: string }[];
  for (const row of agreements) {
    const summary = JSON.parse(row.summary) as { explanation?: string; missedReviewDates?: string[] };
    const agreement: FlagAgreement = {
      id: row.id,
      title: row.title,
      type: row.type,
      status: row.status,
      explanation: summary.explanation ?? '',
      missedReviewDates: summary.missedReviewDates ?? [],
    };
    (inputs.get(row.caseId)!.agreements as FlagAgreement[]).push(agreement);
  }

  // From events_case_type_contact_idx alone, as plain rows; each case's facts are put in date
  // order here (sorting the whole caseload's correspondence in SQL costs more than the read).
  const events = ctx.db.sqlite
    .prepare(
      `SELECT e.case_id, e.id, e.type, e.occurred_on, e.title, (${SENT_LETTER}), (ct.district_id IS NOT NULL)
         FROM events e LEFT JOIN contacts ct ON ct.id = e.contact_id
        WHERE e.case_id IN ${ids} AND e.type IN (${SILENCE_EVENT_TYPES.map((type) => `'${type}'`).join(', ')})`,
    )
    .raw(true)
    .all() as [number, number, string, string, string, number, number][];
  for (const [caseId, id, type, occurredOn, title, isSentLetter, hasDistrictContact] of events) {
    (inputs.get(caseId)!.events as FlagEvent[]).push({
      id,
      type,
      occurredOn,
      title,
      isSentLetter: isSentLetter === 1,
      hasDistrictContact: hasDistrictContact === 1,
    });
  }
  const byDate = (a: FlagEvent, b: FlagEvent) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.id - b.id);
  for (const input of inputs.values()) (input.events as FlagEvent[]).sort(byDate);
  return inputs;
}
