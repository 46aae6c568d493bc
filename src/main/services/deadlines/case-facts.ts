import type { CaseRef } from '@shared/domain/deadline-entities';
import { EVENT_TYPES, type CaseStage } from '@shared/domain/vocabulary';
import { triggerTypes, type CaseTrigger, type TriggerType } from '@shared/deadlines';
import type { VaultDb } from '../../db/connection';

/**
 * Timeline event types that start a clock. 'iee_request' events are left out on purpose: the IEE
 * tracker is where a request's date and the district's answer live, so the response clock runs
 * from the tracker's record (one clock per request, stopped by the answer) and a logged letter
 * of the same request does not start a second one.
 */
export const TRIGGER_EVENT_TYPES = EVENT_TYPES.filter(
  (type): type is (typeof EVENT_TYPES)[number] & TriggerType => (triggerTypes as readonly string[]).includes(type) && type !== 'iee_request',
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
  notes: string | null;
}

/** Everything the deadline computation needs about one case. */
export interface CaseFacts {
  ref: CaseRef;
  jurisdictionCode: string;
  districtId: number | null;
  /** Trigger events, as engine facts ('event:<id>'). */
  triggers: CaseTrigger[];
  /** Unanswered IEE requests as 'iee_request' facts ('iee:<id>'), each with its own threshold. */
  ieeTriggers: { trigger: CaseTrigger; thresholdBusinessDays: number }[];
  tasks: StoredTask[];
}

export type CaseScope = { caseId: number } | { openCases: true };

/** A case counts as open for the dashboard until it is archived or closed. */
const openCaseCondition = "c.archived_at IS NULL AND c.stage <> 'closed' AND c.closed_on IS NULL";

function scopeSql(scope: CaseScope): { where: string; params: number[] } {
  return 'caseId' in scope ? { where: 'c.id = ?', params: [scope.caseId] } : { where: openCaseCondition, params: [] };
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
      `SELECT c.id AS caseId, c.title AS caseTitle, c.stage, c.jurisdiction, coalesce(c.district_id, s.district_id) AS districtId,
              f.id AS familyId, f.name AS familyName, s.id AS studentId, s.first_name || ' ' || s.last_name AS studentName
         FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE ${where}
        ORDER BY f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id`,
    )
    .all(...params) as (Omit<CaseRef, 'stage'> & { stage: CaseStage; jurisdiction: string; districtId: number | null })[];
  if (cases.length === 0) return [];

  const eventTypes = TRIGGER_EVENT_TYPES.map(() => '?').join(', ');
  const events = groupByCase(
    db.sqlite
      .prepare(
        // The rows are used as the engine's facts as they come (no copy per event).
        `SELECT e.case_id AS caseId, e.type, e.occurred_on AS date, 'event:' || e.id AS sourceId
           FROM events e JOIN cases c ON c.id = e.case_id
          WHERE e.type IN (${eventTypes}) AND ${where}`,
      )
      .all(...TRIGGER_EVENT_TYPES, ...params) as (CaseTrigger & { caseId: number })[],
  );
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
                t.owner, t.status, t.snoozed_until AS snoozedUntil, t.snooze_reason AS snoozeReason, t.completed_at AS completedAt, t.notes
           FROM tasks t JOIN cases c ON c.id = t.case_id
          WHERE ${where}
          ORDER BY t.id`,
      )
      .all(...params) as StoredTask[],
  );

  return cases.map(({ jurisdiction, districtId, ...ref }) => ({
    ref,
    jurisdictionCode: jurisdiction,
    districtId,
    triggers: events.get(ref.caseId) ?? [],
    ieeTriggers: (ieeRequests.get(ref.caseId) ?? []).map((request) => ({
      trigger: { type: 'iee_request' as const, date: request.date, sourceId: `iee:${request.id}` },
      thresholdBusinessDays: request.threshold,
    })),
    tasks: tasks.get(ref.caseId) ?? [],
  }));
}
