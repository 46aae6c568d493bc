/**
 * Escalation (issue 17): stage history, red flags computed from the case's facts, the next-step
 * panel and the dashboard's "new since you last opened the case". Flags and suggestions are pure
 * code in src/shared/escalation; this loads their facts and dates the flags.
 */
import { asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import type { CaseRedFlags, FlaggedCase, NextSteps, RedFlagRecord, StageHistoryEntry } from '@shared/domain/escalation';
import type { CaseRef } from '@shared/domain/deadline-entities';
import { CASE_STAGE_LABELS, type CaseStage } from '@shared/domain/vocabulary';
import { computeRedFlags, REVIEW_RULE_IDS, type FlagDeadline, type RedFlag } from '@shared/escalation/red-flags';
import { suggestNextSteps } from '@shared/escalation/next-step';
import { caseStageHistoryTable, caseViewsTable, casesTable } from '../../db/schema';
import { keptUntilWrite } from '../../db/write-version';
import { LETTER_TEMPLATES } from '../../pdf';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { caseDeadlinesAt } from '../deadlines/deadlines-service';
import { openCaseCondition } from '../deadlines/case-facts';
import { refreshStoredDeadlines } from '../deadlines/stored-deadlines';
import { todayOf, writeSetting } from '../deadlines/settings-store';
import { loadFlagInputs, silenceDaysOf, silenceDaysSetting, toFlagDeadline } from './flag-facts';
import { recordStageChange } from './stage-history';

export function listStageHistory(ctx: ServiceContext, caseId: number): StageHistoryEntry[] {
  getCaseRow(ctx, caseId);
  return ctx.db.orm
    .select()
    .from(caseStageHistoryTable)
    .where(eq(caseStageHistoryTable.caseId, caseId))
    .orderBy(asc(caseStageHistoryTable.changedOn), asc(caseStageHistoryTable.id))
    .all() as StageHistoryEntry[];
}

/** Moves the case and writes its history row in one transaction. */
export function changeStage(ctx: ServiceContext, input: ParsedInput<'escalation.changeStage'>): StageHistoryEntry {
  const today = todayOf(ctx);
  if (input.changedOn > today) {
    const message = 'A stage change cannot be dated in the future.';
    throw new AppError('VALIDATION', message, { changedOn: message });
  }
  return ctx.db.sqlite.transaction(() => {
    const current = getCaseRow(ctx, input.caseId);
    if (current.stage === input.toStage) {
      const message = `The case is already at “${CASE_STAGE_LABELS[input.toStage]}”.`;
      throw new AppError('VALIDATION', message, { toStage: message });
    }
    if (input.changedOn < current.openedOn) {
      const message = `The case opened on ${current.openedOn}; a stage change cannot come before it.`;
      throw new AppError('VALIDATION', message, { changedOn: message });
    }
    const familyId = familyOfCase(ctx, input.caseId);
    const entry = recordStageChange(ctx.db, {
      caseId: input.caseId,
      fromStage: current.stage,
      toStage: input.toStage,
      changedOn: input.changedOn,
      reason: input.reason,
      source: 'advocate',
    });
    ctx.db.orm.update(casesTable).set({ stage: input.toStage, updatedAt: ctx.now().toISOString() }).where(eq(casesTable.id, input.caseId)).run();
    recordAudit(ctx.db, { action: 'update', entity: 'case', entityId: input.caseId, familyId, detail: `stage=${input.toStage}` }, ctx.now());
    return entry;
  })();
}

function lastOpenedOf(ctx: ServiceContext, caseId: number): string | null {
  return ctx.db.orm.select({ at: caseViewsTable.lastOpenedAt }).from(caseViewsTable).where(eq(caseViewsTable.caseId, caseId)).get()?.at ?? null;
}

/**
 * Dates the flags: a flag first seen now gets now; one seen before keeps its date; a flag that no
 * longer holds loses its row (so a return is new again). One transaction for every case given.
 */
function syncSightings(ctx: ServiceContext, flagsByCase: ReadonlyMap<number, readonly RedFlag[]>): Map<number, Map<string, string>> {
  const ids = [...flagsByCase.keys()];
  const seen = new Map<number, Map<string, string>>(ids.map((id) => [id, new Map()]));
  if (ids.length === 0) return seen;
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT case_id AS caseId, flag_key AS flagKey, first_seen_at AS firstSeenAt FROM case_flag_sightings WHERE case_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as { caseId: number; flagKey: string; firstSeenAt: string }[];
  for (const row of rows) seen.get(row.caseId)!.set(row.flagKey, row.firstSeenAt);
  const now = ctx.now().toISOString();
  const inserts: [number, string][] = [];
  const deletes: [number, string][] = [];
  for (const [caseId, flags] of flagsByCase) {
    const known = seen.get(caseId)!;
    const current = new Set(flags.map((flag) => flag.key));
    for (const key of current) if (!known.has(key)) inserts.push([caseId, key]);
    for (const key of known.keys()) if (!current.has(key)) deletes.push([caseId, key]);
  }
  if (inserts.length > 0 || deletes.length > 0) {
    const insert = ctx.db.sqlite.prepare('INSERT OR IGNORE INTO case_flag_sightings (case_id, flag_key, first_seen_at) VALUES (?, ?, ?)');
    const remove = ctx.db.sqlite.prepare('DELETE FROM case_flag_sightings WHERE case_id = ? AND flag_key = ?');
    ctx.db.sqlite.transaction(() => {
      for (const [caseId, key] of inserts) {
        insert.run(caseId, key, now);
        seen.get(caseId)!.set(key, now);
      }
      for (const [caseId, key] of deletes) {
        remove.run(caseId, key);
        seen.get(caseId)!.delete(key);
      }
    })();
  }
  return seen;
}

/**
 * A flag is news when the case was never opened, or when this vault first saw it after the last
 * opening and the facts do not date it earlier: a flag the advocate raised by recording old facts
 * (an IEE refused last month, entered today) is not news to them; a review date that passed, or a
 * silence that reached the threshold, since the last visit is.
 */
export function isNewFlag(flag: Pick<RedFlag, 'raisedOn'>, firstSeenAt: string, lastOpenedAt: string | null): boolean {
  if (lastOpenedAt === null) return true;
  return firstSeenAt > lastOpenedAt && (flag.raisedOn === null || flag.raisedOn >= lastOpenedAt.slice(0, 10));
}

function withDates(flags: readonly RedFlag[], seen: ReadonlyMap<string, string>, lastOpenedAt: string | null): RedFlagRecord[] {
  return flags.map((flag) => {
    const firstSeenAt = seen.get(flag.key)!;
    return { ...flag, firstSeenAt, isNew: isNewFlag(flag, firstSeenAt, lastOpenedAt) };
  });
}

function flagDeadlinesOf(ctx: ServiceContext, caseId: number, today: string): FlagDeadline[] {
  return caseDeadlinesAt(ctx, caseId, today).items.map(toFlagDeadline);
}

function computeCaseFlags(ctx: ServiceContext, caseId: number, today: string, deadlines: readonly FlagDeadline[]): RedFlag[] {
  const input = loadFlagInputs(ctx, [caseId], today).get(caseId)!;
  return computeRedFlags({ ...input, deadlines });
}

export function caseRedFlags(ctx: ServiceContext, caseId: number): CaseRedFlags {
  getCaseRow(ctx, caseId);
  const today = todayOf(ctx);
  const flags = computeCaseFlags(ctx, caseId, today, flagDeadlinesOf(ctx, caseId, today));
  const seen = syncSightings(ctx, new Map([[caseId, flags]])).get(caseId)!;
  const lastOpenedAt = lastOpenedOf(ctx, caseId);
  return { caseId, today, lastOpenedAt, silenceDays: silenceDaysOf(ctx), flags: withDates(flags, seen, lastOpenedAt) };
}

/** The case page was opened: the flags holding now are dated first, so none of them counts as news afterwards. */
export function recordCaseOpened(ctx: ServiceContext, caseId: number): { lastOpenedAt: string } {
  caseRedFlags(ctx, caseId);
  const at = ctx.now().toISOString();
  ctx.db.sqlite
    .prepare('INSERT INTO case_views (case_id, last_opened_at) VALUES (?, ?) ON CONFLICT (case_id) DO UPDATE SET last_opened_at = excluded.last_opened_at')
    .run(caseId, at);
  return { lastOpenedAt: at };
}

const LETTER_LABELS: Record<string, string> = Object.fromEntries(Object.entries(LETTER_TEMPLATES).map(([kind, template]) => [kind, template.title]));

export function caseNextSteps(ctx: ServiceContext, caseId: number): NextSteps {
  const record = getCaseRow(ctx, caseId);
  const today = todayOf(ctx);
  const deadlines = flagDeadlinesOf(ctx, caseId, today);
  const flags = computeCaseFlags(ctx, caseId, today, deadlines);
  const count = (sql: string) => ctx.db.sqlite.prepare(sql).pluck().get(caseId) as number;
  const districtEvaluations = ctx.db.sqlite
    .prepare(
      `SELECT id, occurred_on AS occurredOn, title FROM events WHERE case_id = ? AND type = 'evaluation' AND kind IN ('initial', 'reevaluation') ORDER BY occurred_on`,
    )
    .all(caseId) as { id: number; occurredOn: string; title: string }[];
  const stagesReached = ctx.db.sqlite.prepare('SELECT DISTINCT to_stage FROM case_stage_history WHERE case_id = ?').pluck().all(caseId) as string[];
  const rungs = suggestNextSteps({
    today,
    stage: record.stage,
    flags,
    deadlines,
    openClaimCount: count("SELECT count(*) FROM claims WHERE case_id = ? AND status IN ('open', 'in_negotiation')"),
    districtEvaluations,
    ieeRequestCount: count('SELECT count(*) FROM iee_requests WHERE case_id = ?'),
    hasMediation: count("SELECT count(*) FROM events WHERE case_id = ? AND type IN ('mediation', 'mediation_agreed')") > 0,
    hasStateComplaint: count("SELECT count(*) FROM events WHERE case_id = ? AND type = 'state_complaint_filed'") > 0,
    // Only the family's own filing climbs the ladder: a district's due process complaint is not the family's rung.
    hasDueProcess: count("SELECT count(*) FROM events WHERE case_id = ? AND type = 'due_process_filed' AND kind = 'parent'") > 0,
    stagesReached: [...stagesReached, record.stage],
  });
  return {
    caseId,
    today,
    stage: record.stage as CaseStage,
    rungs: rungs.map((rung) => ({ ...rung, letterLabel: rung.letter ? (LETTER_LABELS[rung.letter] ?? null) : null })),
  };
}

/**
 * The last answer per connection and day, kept until the next write (`writeVersion`): the dashboard
 * asks on every visit, and at 2,000 families the answer takes over 100 ms. Everything it depends
 * on is in the vault (facts, sightings, openings, settings) or is the day.
 */
const lastFlagged = keptUntilWrite<FlaggedCase[]>();

/**
 * Open cases with a red flag first seen after the advocate last opened the case (or never
 * opened), most recent flag first. The review deadlines come from the stored deadline rows (the
 * dashboard's own source), refreshed first.
 */
export function flaggedCases(ctx: ServiceContext): FlaggedCase[] {
  const today = todayOf(ctx);
  refreshStoredDeadlines(ctx.db, today);
  return lastFlagged.get(ctx.db, today, () => computeFlaggedCases(ctx, today));
}

function computeFlaggedCases(ctx: ServiceContext, today: string): FlaggedCase[] {
  const cases = ctx.db.sqlite
    .prepare(
      `SELECT c.id AS caseId, c.title AS caseTitle, c.stage, f.id AS familyId, f.name AS familyName, s.id AS studentId,
              s.first_name || ' ' || s.last_name AS studentName, v.last_opened_at AS lastOpenedAt
         FROM cases c JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id LEFT JOIN case_views v ON v.case_id = c.id
        WHERE ${openCaseCondition}`,
    )
    .all() as (CaseRef & { lastOpenedAt: string | null })[];
  // The stored review deadlines, from the rule index alone (the stored lines are never parsed).
  const deadlinesByCase = new Map<number, FlagDeadline[]>();
  const reviewDeadlines = ctx.db.sqlite
    .prepare(
      `SELECT d.case_id AS caseId, d.key, d.rule_id AS ruleId, d.title, d.due_on AS dueDate, d.status, d.nature, d.citation
         FROM case_deadlines d WHERE d.rule_id IN (${REVIEW_RULE_IDS.map((rule) => `'${rule}'`).join(', ')}) ORDER BY d.case_id, d.position`,
    )
    .all() as (FlagDeadline & { caseId: number })[];
  for (const { caseId, ...deadline } of reviewDeadlines) {
    const list = deadlinesByCase.get(caseId) ?? [];
    list.push(deadline);
    deadlinesByCase.set(caseId, list);
  }
  const inputs = loadFlagInputs(
    ctx,
    cases.map((row) => row.caseId),
    today,
  );
  const flagsByCase = new Map(
    cases.map((row) => [row.caseId, computeRedFlags({ ...inputs.get(row.caseId)!, deadlines: deadlinesByCase.get(row.caseId) ?? [] })]),
  );
  const seen = syncSightings(ctx, flagsByCase);
  const result: FlaggedCase[] = [];
  for (const { lastOpenedAt, ...ref } of cases) {
    const flags = withDates(flagsByCase.get(ref.caseId)!, seen.get(ref.caseId)!, lastOpenedAt);
    const fresh = flags.filter((flag) => flag.isNew);
    if (fresh.length === 0) continue;
    result.push({
      case: ref,
      lastOpenedAt,
      newFlags: fresh.map(({ key, rule, title, raisedOn }) => ({ key, rule, title, raisedOn })),
      totalFlags: flags.length,
    });
  }
  const newest = (item: FlaggedCase) => item.newFlags.reduce((max, flag) => ((flag.raisedOn ?? '') > max ? (flag.raisedOn ?? '') : max), '');
  return result.sort((a, b) => newest(b).localeCompare(newest(a)) || a.case.familyName.localeCompare(b.case.familyName) || a.case.caseId - b.case.caseId);
}

export function getEscalationSettings(ctx: ServiceContext): { silenceDays: number } {
  return { silenceDays: silenceDaysOf(ctx) };
}

export function setEscalationSettings(ctx: ServiceContext, input: ParsedInput<'escalation.setSettings'>): { silenceDays: number } {
  ctx.db.sqlite.transaction(() => {
    writeSetting(ctx.db, silenceDaysSetting, input.silenceDays);
    recordAudit(ctx.db, { action: 'update', entity: 'setting', entityId: null, familyId: null, detail: silenceDaysSetting }, ctx.now());
  })();
  return getEscalationSettings(ctx);
}
