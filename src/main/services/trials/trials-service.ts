/** Trial periods with objective data, reviewed at a meeting; their data feeds the prep worksheet and the binder. */
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { TrialEntry, TrialRecord, TrialResult } from '@shared/domain/trials';
import type { GoalDirection } from '@shared/progress/goal-trend';
import { summarizeTrial, trialEndOn } from '@shared/progress/trial-summary';
import type { TrialRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';

type Fields = ParsedInput<'trials.create'>['fields'];

const SELECT = `SELECT t.id, t.case_id AS caseId, t.what, t.start_on AS startOn, t.length_weeks AS lengthWeeks, t.measure, t.baseline, t.target, t.direction,
  t.collected_by AS collectedBy, t.review_meeting_id AS reviewMeetingId, substr(m.held_at, 1, 10) AS reviewMeetingOn, t.result, t.result_notes AS resultNotes
  FROM trials t LEFT JOIN meetings m ON m.id = t.review_meeting_id`;

type Joined = Omit<TrialRow, 'createdAt' | 'updatedAt'> & { reviewMeetingOn: string | null };

function loadTrials(ctx: ServiceContext, where: string, params: (number | string)[]): TrialRecord[] {
  const rows = ctx.db.sqlite.prepare(`${SELECT} WHERE ${where} ORDER BY t.start_on DESC, t.id DESC`).all(...params) as Joined[];
  if (rows.length === 0) return [];
  const entries = ctx.db.sqlite
    .prepare(
      `SELECT id, trial_id AS trialId, measured_on AS measuredOn, value, note FROM trial_entries WHERE trial_id IN (${rows.map(() => '?').join(', ')}) ORDER BY measured_on, id`,
    )
    .all(...rows.map((row) => row.id)) as TrialEntry[];
  return rows.map((row) => {
    const own = entries.filter((entry) => entry.trialId === row.id);
    const direction = row.direction as GoalDirection;
    return {
      ...row,
      direction,
      result: row.result as TrialResult,
      endOn: trialEndOn(row.startOn, row.lengthWeeks),
      entries: own,
      summary: summarizeTrial({ ...row, direction, entries: own }),
    };
  });
}

export function listTrials(ctx: ServiceContext, input: ParsedInput<'trials.list'>): TrialRecord[] {
  getCaseRow(ctx, input.caseId);
  return loadTrials(ctx, 't.case_id = ?', [input.caseId]);
}

/** Trials a meeting reviews: linked to it, or (unlinked) under way or ended before it (the prep worksheet and letters read these). */
export function trialsForMeeting(ctx: ServiceContext, meetingId: number): TrialRecord[] {
  const meeting = ctx.db.sqlite.prepare('SELECT case_id AS caseId, substr(held_at, 1, 10) AS heldOn FROM meetings WHERE id = ?').get(meetingId) as
    { caseId: number; heldOn: string } | undefined;
  if (!meeting) throw new AppError('NOT_FOUND', 'That meeting no longer exists.');
  return loadTrials(ctx, 't.case_id = ? AND (t.review_meeting_id = ? OR (t.review_meeting_id IS NULL AND t.start_on <= ?))', [
    meeting.caseId,
    meetingId,
    meeting.heldOn,
  ]);
}

function getTrial(ctx: ServiceContext, id: number): TrialRecord {
  const [trial] = loadTrials(ctx, 't.id = ?', [id]);
  if (!trial) throw new AppError('NOT_FOUND', 'That trial no longer exists.');
  return trial;
}

function trialCase(ctx: ServiceContext, id: number): number {
  const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId FROM trials WHERE id = ?').get(id) as { caseId: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That trial no longer exists.');
  return row.caseId;
}

function checkMeeting(ctx: ServiceContext, caseId: number, meetingId: number | null): void {
  if (meetingId === null) return;
  const row = ctx.db.sqlite.prepare('SELECT case_id AS caseId FROM meetings WHERE id = ?').get(meetingId) as { caseId: number } | undefined;
  if (!row || row.caseId !== caseId) throw new AppError('VALIDATION', 'That meeting is not part of this case.', { reviewMeetingId: 'Not this case’s meeting' });
}

function columns(fields: Fields): unknown[] {
  return [
    fields.what,
    fields.startOn,
    fields.lengthWeeks,
    fields.measure,
    fields.baseline,
    fields.target,
    fields.direction,
    fields.collectedBy,
    fields.reviewMeetingId,
    fields.result,
    fields.resultNotes,
  ];
}

export function createTrial(ctx: ServiceContext, input: ParsedInput<'trials.create'>): TrialRecord {
  getCaseRow(ctx, input.caseId);
  const id = ctx.db.sqlite.transaction(() => {
    checkMeeting(ctx, input.caseId, input.fields.reviewMeetingId);
    const trialId = Number(
      ctx.db.sqlite
        .prepare(
          `INSERT INTO trials (case_id, what, start_on, length_weeks, measure, baseline, target, direction, collected_by, review_meeting_id, result, result_notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.caseId, ...columns(input.fields)).lastInsertRowid,
    );
    recordAudit(ctx.db, { action: 'create', entity: 'trial', entityId: trialId, familyId: familyOfCase(ctx, input.caseId) }, ctx.now());
    return trialId;
  })();
  return getTrial(ctx, id);
}

export function updateTrial(ctx: ServiceContext, input: ParsedInput<'trials.update'>): TrialRecord {
  ctx.db.sqlite.transaction(() => {
    const caseId = trialCase(ctx, input.id);
    checkMeeting(ctx, caseId, input.fields.reviewMeetingId);
    ctx.db.sqlite
      .prepare(
        `UPDATE trials SET what = ?, start_on = ?, length_weeks = ?, measure = ?, baseline = ?, target = ?, direction = ?, collected_by = ?,
           review_meeting_id = ?, result = ?, result_notes = ?, updated_at = ? WHERE id = ?`,
      )
      .run(...columns(input.fields), ctx.now().toISOString(), input.id);
    recordAudit(ctx.db, { action: 'update', entity: 'trial', entityId: input.id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return getTrial(ctx, input.id);
}

export function deleteTrial(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const caseId = trialCase(ctx, id);
    ctx.db.sqlite.prepare('DELETE FROM trials WHERE id = ?').run(id);
    recordAudit(ctx.db, { action: 'delete', entity: 'trial', entityId: id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return { ok: true };
}

export function addTrialEntry(ctx: ServiceContext, input: ParsedInput<'trials.addEntry'>): TrialEntry {
  const id = ctx.db.sqlite.transaction(() => {
    const caseId = trialCase(ctx, input.trialId);
    const entryId = Number(
      ctx.db.sqlite
        .prepare('INSERT INTO trial_entries (trial_id, measured_on, value, note) VALUES (?, ?, ?, ?)')
        .run(input.trialId, input.fields.measuredOn, input.fields.value, input.fields.note).lastInsertRowid,
    );
    recordAudit(ctx.db, { action: 'create', entity: 'trial_entry', entityId: entryId, familyId: familyOfCase(ctx, caseId) }, ctx.now());
    return entryId;
  })();
  return getTrial(ctx, input.trialId).entries.find((entry) => entry.id === id)!;
}

export function deleteTrialEntry(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const row = ctx.db.sqlite.prepare('SELECT trial_id AS trialId FROM trial_entries WHERE id = ?').get(id) as { trialId: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That data entry no longer exists.');
    const caseId = trialCase(ctx, row.trialId);
    ctx.db.sqlite.prepare('DELETE FROM trial_entries WHERE id = ?').run(id);
    recordAudit(ctx.db, { action: 'delete', entity: 'trial_entry', entityId: id, familyId: familyOfCase(ctx, caseId) }, ctx.now());
  })();
  return { ok: true };
}

export { loadTrials };
