import type { CaseRef } from '@shared/domain/deadline-entities';
import { EVENT_TYPES, type CaseStage } from '@shared/domain/vocabulary';
import { factTypes, type CaseFact, type CaseTrigger, type FactType } from '@shared/deadlines';
import type { VaultDb } from '../../db/connection';

/**
 * Timeline event types that start a clock. 'iee_request' events are left out on purpose: the IEE
 * tracker is where a request's date and the district's answer live, so the response clock runs
 * from the tracker's record (one clock per request, stopped by the answer) and a logged letter
 * of the same request does not start a second one.
 */
export const TRIGGER_EVENT_TYPES = EVENT_TYPES.filter(
  (type): type is (typeof EVENT_TYPES)[number] & FactType => (factTypes as readonly string[]).includes(type) && type !== 'iee_request',
);

export interface StoredTask {
  id: number;
  caseId: number;
  kind: string;
  ruleId: string | null;
  triggerKey: string | null;
  title: string;
  dueOn: string | null;
  owner: string | null;
  status: string;
  snoozedUntil: string | null;
  snoozeReason: string | null;
  completedAt: string | null;
  metOn: string | null;
  outcomeReason: string | null;
  notes: string | null;
}

/** Everything the deadline computation needs about one case. */
export interface CaseFacts {
  ref: CaseRef;
  jurisdictionCode: string;
  districtId: number | null;
  dateOfBirth: string | null;
  /** Facts from the timeline ('event:<id>') and the claims' two dates ('claim:<id>'). */
  triggers: CaseFact[];
  /** Unanswered IEE requests as 'iee_request' facts ('iee:<id>'), each with its own threshold. */
  ieeTriggers: { trigger: CaseTrigger; thresholdBusinessDays: number }[];
  tasks: StoredTask[];
}

export type CaseScope = { caseId: number } | { openCases: true } | { caseIds: readonly number[] };

/** A case counts as open for the dashboard until it is archived or closed. */
export const openCaseCondition = "c.archived_at IS NULL AND c.stage <> 'closed' AND c.closed_on IS NULL";

function scopeSql(scope: CaseScope): { where: string; params: (number | string)[] } {
  if ('caseId' in scope) return { where: 'c.id = ?', params: [scope.caseId] };
  // A list of cases (the stale ones a refresh recomputes) travels as one JSON parameter.
  if ('caseIds' in scope) return { where: 'c.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(scope.caseIds)] };
  return { where: openCaseCondition, params: [] };
}

function groupByCase<T extends { caseId: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.caseId);
    if (list) list.push(row);
    else groups.set(row.caseId, [row]);
  }
  return groups;
}

/**
 * Loads the facts of one case or of every open case in four queries whatever the number of
 * cases (the dashboard must stay fast with hundreds of families and tens of thousands of events).
 */
export function loadCaseFacts(db: VaultDb, scope: CaseScope): CaseFacts[] {
  const { where, params } = scopeSql(scope);
  const cases = db.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.title AS caseTitle, c.stage, c.jurisdiction, coalesce(c.district_id, s.district_id) AS districtId, s.date_of_birth AS dateOfBirth,
              f.id AS familyId, f.name AS familyName, s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName
         FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE ${where}
        ORDER BY f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id`,
    )
    .all(...params) as (Omit<CaseRef, 'stage'> & { stage: CaseStage; jurisdiction: string; districtId: number | null; dateOfBirth: string | null })[];
  if (cases.length === 0) return [];

  const eventTypes = TRIGGER_EVENT_TYPES.map(() => '?').join(', ');
  const eventRows = db.sqlite
    .prepare(
      // The dashboard reads every open case: index-only (events_trigger_idx), titles only for one case.
      `SELECT e.case_id AS caseId, e.type, e.occurred_on AS date, e.id, e.kind, e.kind_confirmed AS confirmed, e.attributes${'caseId' in scope ? ', e.title' : ''}
         FROM events e JOIN cases c ON c.id = e.case_id
        WHERE e.type IN (${eventTypes}) AND ${where}`,
    )
    .all(...TRIGGER_EVENT_TYPES, ...params) as {
    caseId: number;
    type: FactType;
    date: string;
    id: number;
    kind: string | null;
    confirmed: number;
    attributes: string | null;
    title?: string;
  }[];
  const claimRows = db.sqlite
    .prepare(
      `SELECT k.case_id AS caseId, k.id, k.issue, k.violation_on AS violationOn, k.knew_on AS knewOn, k.state_complaint_filed_on AS stateComplaintFiledOn, k.due_process_filed_on AS dueProcessFiledOn
         FROM claims k JOIN cases c ON c.id = k.case_id WHERE ${where}`,
    )
    .all(...params) as {
    caseId: number;
    id: number;
    issue: string;
    violationOn: string | null;
    knewOn: string | null;
    stateComplaintFiledOn: string | null;
    dueProcessFiledOn: string | null;
  }[];
  const facts: (CaseFact & { caseId: number })[] = [];
  for (const row of eventRows) {
    facts.push({
      caseId: row.caseId,
      type: row.type,
      date: row.date,
      sourceId: `event:${row.id}`,
      kind: row.kind,
      isKindConfirmed: row.confirmed !== 0,
      ...(row.attributes ? { attributes: parseAttributes(row.attributes) ?? {} } : {}),
      ...(row.title !== undefined ? { label: row.title } : {}),
    });
  }
  for (const claim of claimRows) {
    // Each forum's filing meets its own limit on the filing date: a state complaint the 1-year
    // limit counted from the violation, a due process complaint the limit counted from knowing.
    const filed = (on: string | null) => (on ? { filedOn: on } : {});
    if (claim.violationOn)
      facts.push({
        caseId: claim.caseId,
        type: 'claim_violation',
        date: claim.violationOn,
        sourceId: `claim:${claim.id}`,
        label: `violation alleged in "${claim.issue}"`,
        attributes: filed(claim.stateComplaintFiledOn),
      });
    if (claim.knewOn)
      facts.push({
        caseId: claim.caseId,
        type: 'claim_knew',
        date: claim.knewOn,
        sourceId: `claim:${claim.id}`,
        label: `knew or should have known of "${claim.issue}"`,
        attributes: filed(claim.dueProcessFiledOn),
      });
  }
  const events = groupByCase(facts);
  const ieeRequests = groupByCase(
    db.sqlite
      .prepare(
        `SELECT i.case_id AS caseId, i.id, i.requested_on AS date, i.silence_threshold_business_days AS threshold
           FROM iee_requests i JOIN cases c ON c.id = i.case_id
          WHERE i.district_response = 'none_yet' AND ${where}`,
      )
      .all(...params) as { caseId: number; id: number; date: string; threshold: number }[],
  );
  const tasks = groupByCase(
    db.sqlite
      .prepare(
        `SELECT t.id, t.case_id AS caseId, t.kind, t.rule_id AS ruleId, t.trigger_key AS triggerKey, t.title, t.due_on AS dueOn,
                t.owner, t.status, t.snoozed_until AS snoozedUntil, t.snooze_reason AS snoozeReason, t.completed_at AS completedAt, t.met_on AS metOn, t.outcome_reason AS outcomeReason, t.notes
           FROM tasks t JOIN cases c ON c.id = t.case_id
          WHERE ${where}
          ORDER BY t.id`,
      )
      .all(...params) as StoredTask[],
  );

  return cases.map(({ jurisdiction, districtId, dateOfBirth, ...ref }) => ({
    ref,
    jurisdictionCode: jurisdiction,
    districtId,
    dateOfBirth,
    triggers: events.get(ref.caseId) ?? [],
    ieeTriggers: (ieeRequests.get(ref.caseId) ?? []).map((request) => ({
      trigger: { type: 'iee_request' as const, date: request.date, sourceId: `iee:${request.id}` },
      thresholdBusinessDays: request.threshold,
    })),
    tasks: tasks.get(ref.caseId) ?? [],
  }));
}

function parseAttributes(text: string): CaseFact['attributes'] | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as CaseFact['attributes']) : undefined;
  } catch {
    return undefined;
  }
}

export type { CaseTrigger };
