/**
 * IEPs, goals and progress. An IEP record hangs off its IEP meeting fact (the one the annual
 * review counts from), so the meeting's date and kind are read from the fact, never typed twice;
 * its services are read from the linked 'iep_services' agreement's terms.
 */
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { GoalRecord, IepRecord, ProgressEntry } from '@shared/domain/ieps';
import { addYears } from '@shared/deadlines';
import { assessGoal, type DistrictRating, type GoalDirection } from '@shared/progress/goal-trend';
import type { IepGoalRow, IepRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';

interface IepJoined extends IepRow {
  meetingOn: string | null;
  meetingKind: string | null;
  meetingTitle: string | null;
  agreementTitle: string | null;
}

interface ProgressJoined {
  id: number;
  goalId: number;
  measuredOn: string;
  value: number;
  source: ProgressEntry['source'];
  documentId: number | null;
  documentTitle: string | null;
  districtRating: DistrictRating | null;
  note: string | null;
}

const IEP_SELECT = `
  SELECT i.id, i.case_id AS caseId, i.event_id AS eventId, i.start_on AS startOn, i.end_on AS endOn, i.accommodations,
         i.agreement_id AS agreementId, i.document_id AS documentId, i.notes, i.created_at AS createdAt, i.updated_at AS updatedAt,
         e.occurred_on AS meetingOn, e.kind AS meetingKind, e.title AS meetingTitle, a.title AS agreementTitle
    FROM ieps i LEFT JOIN events e ON e.id = i.event_id LEFT JOIN agreements a ON a.id = i.agreement_id`;

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** The date a goal's trend is projected to: the IEP's end date, else a year after its meeting (300.324(b)(1)(i)). */
function projectionEndOf(iep: Pick<IepJoined, 'endOn' | 'meetingOn' | 'startOn'>): string | null {
  if (iep.endOn) return iep.endOn;
  const from = iep.meetingOn ?? iep.startOn;
  return from ? addYears(from, 1) : null;
}

function toGoal(row: IepGoalRow, progress: ProgressJoined[], endOn: string | null): GoalRecord {
  const direction = row.direction as GoalDirection;
  const assessment = assessGoal({ baseline: row.baseline, target: row.target, direction, measure: row.measure }, progress, endOn);
  return {
    id: row.id,
    iepId: row.iepId,
    area: row.area,
    statement: row.statement,
    baseline: row.baseline,
    target: row.target,
    measure: row.measure,
    direction,
    progress,
    assessment: {
      slopePerWeek: assessment.trend ? assessment.trend.slopePerDay * 7 : null,
      trendStart: assessment.trend ? { date: assessment.trend.originOn, value: assessment.trend.intercept } : null,
      projectedAtEnd: assessment.projectedAtEnd,
      coverage: assessment.coverage,
      latestRating: assessment.latestRating,
      isProgressingButFlat: assessment.isProgressingButFlat,
      explanation: assessment.explanation,
    },
  };
}

function loadIeps(ctx: ServiceContext, where: string, params: number[]): IepRecord[] {
  const ieps = ctx.db.sqlite.prepare(`${IEP_SELECT} WHERE ${where} ORDER BY coalesce(e.occurred_on, i.start_on) DESC, i.id DESC`).all(...params) as IepJoined[];
  if (ieps.length === 0) return [];
  const iepIds = ieps.map((iep) => iep.id);
  const goals = ctx.db.sqlite
    .prepare(
      `SELECT id, iep_id AS iepId, area, statement, baseline, target, measure, direction, created_at AS createdAt, updated_at AS updatedAt
         FROM iep_goals WHERE iep_id IN (${placeholders(iepIds.length)}) ORDER BY id`,
    )
    .all(...iepIds) as IepGoalRow[];
  const goalIds = goals.map((goal) => goal.id);
  const progress =
    goalIds.length === 0
      ? []
      : (ctx.db.sqlite
          .prepare(
            `SELECT p.id, p.goal_id AS goalId, p.measured_on AS measuredOn, p.value, p.source, p.document_id AS documentId, d.title AS documentTitle,
                    p.district_rating AS districtRating, p.note
               FROM goal_progress p LEFT JOIN documents d ON d.id = p.document_id
              WHERE p.goal_id IN (${placeholders(goalIds.length)}) ORDER BY p.measured_on, p.id`,
          )
          .all(...goalIds) as ProgressJoined[]);
  const agreementIds = [...new Set(ieps.flatMap((iep) => (iep.agreementId === null ? [] : [iep.agreementId])))];
  const terms =
    agreementIds.length === 0
      ? []
      : (ctx.db.sqlite
          .prepare(
            `SELECT id, agreement_id AS agreementId, category, description FROM agreement_terms WHERE agreement_id IN (${placeholders(agreementIds.length)}) ORDER BY id`,
          )
          .all(...agreementIds) as { id: number; agreementId: number; category: string; description: string }[]);
  return ieps.map((iep) => {
    const endOn = projectionEndOf(iep);
    return {
      id: iep.id,
      caseId: iep.caseId,
      eventId: iep.eventId,
      meetingOn: iep.meetingOn,
      meetingKind: iep.meetingKind,
      meetingTitle: iep.meetingTitle,
      startOn: iep.startOn,
      endOn: iep.endOn,
      projectionEndOn: endOn,
      accommodations: iep.accommodations,
      agreementId: iep.agreementId,
      agreementTitle: iep.agreementTitle,
      services: terms.filter((term) => term.agreementId === iep.agreementId).map(({ id, category, description }) => ({ id, category, description })),
      documentId: iep.documentId,
      notes: iep.notes,
      goals: goals
        .filter((goal) => goal.iepId === iep.id)
        .map((goal) =>
          toGoal(
            goal,
            progress.filter((entry) => entry.goalId === goal.id),
            endOn,
          ),
        ),
    };
  });
}

export function listIeps(ctx: ServiceContext, input: ParsedInput<'ieps.list'>): IepRecord[] {
  getCaseRow(ctx, input.caseId);
  return loadIeps(ctx, 'i.case_id = ?', [input.caseId]);
}

function getIep(ctx: ServiceContext, id: number): IepRecord {
  const [iep] = loadIeps(ctx, 'i.id = ?', [id]);
  if (!iep) throw new AppError('NOT_FOUND', 'That IEP no longer exists.');
  return iep;
}

export function listIepCandidates(ctx: ServiceContext, input: ParsedInput<'ieps.candidates'>) {
  getCaseRow(ctx, input.caseId);
  return ctx.db.sqlite
    .prepare(
      `SELECT e.id AS eventId, e.occurred_on AS occurredOn, e.kind, e.title FROM events e
        WHERE e.case_id = ? AND e.type = 'iep_meeting' AND NOT EXISTS (SELECT 1 FROM ieps i WHERE i.event_id = e.id)
        ORDER BY e.occurred_on DESC, e.id DESC`,
    )
    .all(input.caseId) as { eventId: number; occurredOn: string; kind: string | null; title: string }[];
}

/** The linked agreement and document must be this case's, and the agreement an IEP's service page. */
function checkLinks(ctx: ServiceContext, caseId: number, fields: ParsedInput<'ieps.create'>['fields']): void {
  if (fields.agreementId !== null) {
    const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId, type FROM agreements WHERE id = ?').get(fields.agreementId) as
      { caseId: number; type: string } | undefined;
    if (!row || row.caseId !== caseId) throw new AppError('VALIDATION', 'That agreement is not part of this case.', { agreementId: 'Not this case’s' });
    if (row.type !== 'iep_services')
      throw new AppError('VALIDATION', 'Only an "IEP services" agreement holds an IEP’s services.', { agreementId: 'Choose an IEP services agreement' });
  }
  if (fields.documentId !== null) {
    const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId FROM documents WHERE id = ?').get(fields.documentId) as { caseId: number } | undefined;
    if (!row || row.caseId !== caseId) throw new AppError('VALIDATION', 'That document is not part of this case.', { documentId: 'Not this case’s' });
  }
}

export function createIep(ctx: ServiceContext, input: ParsedInput<'ieps.create'>): IepRecord {
  const id = ctx.db.sqlite.transaction(() => {
    const event = ctx.db.sqlite.prepare('SELECT case_id AS caseId, type FROM events WHERE id = ?').get(input.eventId) as
      { caseId: number; type: string } | undefined;
    if (!event) throw new AppError('NOT_FOUND', 'That timeline entry no longer exists.');
    if (event.type !== 'iep_meeting')
      throw new AppError('VALIDATION', 'An IEP is recorded on its IEP meeting: choose an IEP meeting from the timeline.', { eventId: 'Not an IEP meeting' });
    if (ctx.db.sqlite.prepare('SELECT 1 FROM ieps WHERE event_id = ?').get(input.eventId))
      throw new AppError('CONFLICT', 'This IEP meeting already has its IEP recorded.', { eventId: 'Already recorded' });
    checkLinks(ctx, event.caseId, input.fields);
    const familyId = familyOfCase(ctx, event.caseId);
    const { lastInsertRowid } = ctx.db.sqlite
      .prepare('INSERT INTO ieps (case_id, event_id, start_on, end_on, accommodations, agreement_id, document_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        event.caseId,
        input.eventId,
        input.fields.startOn,
        input.fields.endOn,
        input.fields.accommodations,
        input.fields.agreementId,
        input.fields.documentId,
        input.fields.notes,
      );
    const iepId = Number(lastInsertRowid);
    recordAudit(ctx.db, { action: 'create', entity: 'iep', entityId: iepId, familyId }, ctx.now());
    return iepId;
  })();
  return getIep(ctx, id);
}

function iepCase(ctx: ServiceContext, iepId: number): number {
  const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId FROM ieps WHERE id = ?').get(iepId) as { caseId: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That IEP no longer exists.');
  return row.caseId;
}

export function updateIep(ctx: ServiceContext, input: ParsedInput<'ieps.update'>): IepRecord {
  ctx.db.sqlite.transaction(() => {
    const caseId = iepCase(ctx, input.id);
    checkLinks(ctx, caseId, input.fields);
    ctx.db.sqlite
      .prepare('UPDATE ieps SET start_on = ?, end_on = ?, accommodations = ?, agreement_id = ?, document_id = ?, notes = ?, updated_at = ? WHERE id = ?')
      .run(
        input.fields.startOn,
        input.fields.endOn,
        input.fields.accommodations,
        input.fields.agreementId,
        input.fields.documentId,
        input.fields.notes,
        ctx.now().toISOString(),
        input.id,
      );
    recordAudit(ctx.db, { action: 'update', entity: 'iep', entityId: input.id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return getIep(ctx, input.id);
}

export function deleteIep(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const caseId = iepCase(ctx, id);
    ctx.db.sqlite.prepare('DELETE FROM ieps WHERE id = ?').run(id);
    recordAudit(ctx.db, { action: 'delete', entity: 'iep', entityId: id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return { ok: true };
}

function goalOwner(ctx: ServiceContext, goalId: number): { iepId: number; caseId: number } {
  const row = ctx.db.sqlite
    .prepare('SELECT g.iep_id AS iepId, i.case_id AS caseId FROM iep_goals g JOIN ieps i ON i.id = g.iep_id WHERE g.id = ?')
    .get(goalId) as { iepId: number; caseId: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That goal no longer exists.');
  return row;
}

export function getGoal(ctx: ServiceContext, goalId: number): GoalRecord {
  const { iepId } = goalOwner(ctx, goalId);
  const goal = getIep(ctx, iepId).goals.find((candidate) => candidate.id === goalId);
  if (!goal) throw new AppError('NOT_FOUND', 'That goal no longer exists.');
  return goal;
}

export function createGoal(ctx: ServiceContext, input: ParsedInput<'ieps.createGoal'>): GoalRecord {
  const id = ctx.db.sqlite.transaction(() => {
    const caseId = iepCase(ctx, input.iepId);
    const { area, statement, baseline, target, measure, direction } = input.fields;
    const { lastInsertRowid } = ctx.db.sqlite
      .prepare('INSERT INTO iep_goals (iep_id, area, statement, baseline, target, measure, direction) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.iepId, area, statement, baseline, target, measure, direction);
    recordAudit(ctx.db, { action: 'create', entity: 'iep_goal', entityId: Number(lastInsertRowid), familyId: familyOfCase(ctx, caseId) }, ctx.now());
    return Number(lastInsertRowid);
  })();
  return getGoal(ctx, id);
}

export function updateGoal(ctx: ServiceContext, input: ParsedInput<'ieps.updateGoal'>): GoalRecord {
  ctx.db.sqlite.transaction(() => {
    const { caseId } = goalOwner(ctx, input.id);
    const { area, statement, baseline, target, measure, direction } = input.fields;
    ctx.db.sqlite
      .prepare('UPDATE iep_goals SET area = ?, statement = ?, baseline = ?, target = ?, measure = ?, direction = ?, updated_at = ? WHERE id = ?')
      .run(area, statement, baseline, target, measure, direction, ctx.now().toISOString(), input.id);
    recordAudit(ctx.db, { action: 'update', entity: 'iep_goal', entityId: input.id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return getGoal(ctx, input.id);
}

export function deleteGoal(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const { caseId } = goalOwner(ctx, id);
    ctx.db.sqlite.prepare('DELETE FROM iep_goals WHERE id = ?').run(id);
    recordAudit(ctx.db, { action: 'delete', entity: 'iep_goal', entityId: id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return { ok: true };
}

export function addProgress(ctx: ServiceContext, input: ParsedInput<'ieps.addProgress'>): ProgressEntry {
  const id = ctx.db.sqlite.transaction(() => {
    const { caseId } = goalOwner(ctx, input.goalId);
    const { measuredOn, value, source, documentId, districtRating, note } = input.fields;
    if (documentId !== null) {
      const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId FROM documents WHERE id = ?').get(documentId) as { caseId: number } | undefined;
      if (!row || row.caseId !== caseId) throw new AppError('VALIDATION', 'That document is not part of this case.', { documentId: 'Not this case’s' });
    }
    const { lastInsertRowid } = ctx.db.sqlite
      .prepare('INSERT INTO goal_progress (goal_id, measured_on, value, source, document_id, district_rating, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.goalId, measuredOn, value, source, documentId, districtRating, note);
    recordAudit(ctx.db, { action: 'create', entity: 'goal_progress', entityId: Number(lastInsertRowid), familyId: familyOfCase(ctx, caseId) }, ctx.now());
    return Number(lastInsertRowid);
  })();
  return getGoal(ctx, input.goalId).progress.find((entry) => entry.id === id)!;
}

export function deleteProgress(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const row = ctx.db.sqlite.prepare('SELECT goal_id AS goalId FROM goal_progress WHERE id = ?').get(id) as { goalId: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That progress entry no longer exists.');
    const { caseId } = goalOwner(ctx, row.goalId);
    ctx.db.sqlite.prepare('DELETE FROM goal_progress WHERE id = ?').run(id);
    recordAudit(ctx.db, { action: 'delete', entity: 'goal_progress', entityId: id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return { ok: true };
}

export { goalOwner, loadIeps };
