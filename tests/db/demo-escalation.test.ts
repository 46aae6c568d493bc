/**
 * The demo caseload shows escalation on believable cases (issue 17): stage history on every case,
 * an IEE refused without a filing whose next step shows the two filing limits, two IEP meetings in
 * a row with no change, refusals and promises on meetings, saved position statements without the
 * family's bottom line, and a dashboard listing only the flags raised since the last visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import type { ServiceContext } from '../../src/main/services/context';
import { caseNextSteps, caseRedFlags, flaggedCases } from '../../src/main/services/escalation';
import { unlockedVault } from '../support/temp-vault';

const TODAY = '2026-11-23';
let temp: Awaited<ReturnType<typeof unlockedVault>>;
let ctx: ServiceContext;

beforeAll(async () => {
  temp = await unlockedVault();
  ctx = temp.ctx;
  seedDemoCaseload(ctx, { families: 40, seed: 1, today: new Date(`${TODAY}T15:00:00Z`) });
}, 60_000);
afterAll(() => temp.cleanup());

const rows = <T>(sql: string, ...params: unknown[]) => ctx.db.sqlite.prepare(sql).all(...params) as T[];

describe('escalation in the demo caseload', () => {
  it('gives every case a stage history that starts where the case opened and ends at its current stage, in date order', () => {
    const cases = rows<{ id: number; stage: string; openedOn: string }>('SELECT id, stage, opened_on AS openedOn FROM cases');
    for (const kase of cases) {
      const history = rows<{ fromStage: string | null; toStage: string; changedOn: string; reason: string }>(
        'SELECT from_stage AS fromStage, to_stage AS toStage, changed_on AS changedOn, reason FROM case_stage_history WHERE case_id = ? ORDER BY id',
        kase.id,
      );
      expect(history[0]).toMatchObject({ fromStage: null, toStage: 'intake', changedOn: kase.openedOn });
      expect(history.at(-1)!.toStage).toBe(kase.stage);
      for (let index = 1; index < history.length; index++) {
        expect(history[index]!.fromStage).toBe(history[index - 1]!.toStage);
        expect(history[index]!.changedOn >= history[index - 1]!.changedOn).toBe(true);
        expect(history[index]!.changedOn <= TODAY).toBe(true);
        expect(history[index]!.reason.length).toBeGreaterThan(10);
      }
    }
  });

  it('has an IEE refused without filing whose next step shows due process and the state complaint with their limits', () => {
    const [refused] = rows<{ caseId: number; respondedOn: string }>(
      "SELECT case_id AS caseId, responded_on AS respondedOn FROM iee_requests WHERE district_response = 'refused_without_filing' AND disputed_evaluation LIKE 'Functional behavior%' ORDER BY id",
    );
    expect(refused).toBeDefined();
    const flags = caseRedFlags(ctx, refused!.caseId).flags;
    expect(flags.map((flag) => flag.rule)).toContain('iee_refused_without_filing');
    const rungs = caseNextSteps(ctx, refused!.caseId).rungs;
    const state = rungs.find((rung) => rung.rung === 'state_complaint')!;
    const dueProcess = rungs.find((rung) => rung.rung === 'due_process')!;
    // One year and two years (federal, or the case's state preset) from the refusal: the engine's own limits.
    expect(state.clocks.map((clock) => clock.dueDate)).toContain(`${Number(refused!.respondedOn.slice(0, 4)) + 1}${refused!.respondedOn.slice(4)}`);
    expect(dueProcess.clocks.length).toBeGreaterThan(0);
    expect([state.status, dueProcess.status]).toEqual(['fits', 'fits']);
  });

  it('has two IEP meetings in a row with no change, and refusals, tabled items and promises on past meetings', () => {
    const flagged = rows<{ caseId: number }>("SELECT DISTINCT m.case_id AS caseId FROM meetings m WHERE m.outcome = 'no_change' AND m.type = 'iep_meeting'");
    expect(flagged.some(({ caseId }) => caseRedFlags(ctx, caseId).flags.some((flag) => flag.rule === 'repeated_no_change'))).toBe(true);
    const kinds = rows<{ kind: string }>('SELECT DISTINCT kind FROM meeting_items ORDER BY kind').map((row) => row.kind);
    expect(kinds).toEqual(['promise', 'refusal', 'tabled']);
  });

  it('saves position statements from the claims and worksheets, never with the family’s bottom line', () => {
    const statements = rows<{ text: string }>('SELECT text FROM position_statements');
    expect(statements.length).toBeGreaterThan(0);
    for (const { text } of statements) {
      expect(text).toContain('Proposed resolution:');
      expect(text).not.toContain('Make-up time for every missed session, in writing');
      expect(text).not.toContain('Scheduling');
    }
  });

  it('lists on the dashboard only the cases with flags raised since the advocate’s last visit', () => {
    const listed = flaggedCases(ctx);
    const open = rows<{ n: number }>("SELECT count(*) AS n FROM cases WHERE archived_at IS NULL AND stage <> 'closed' AND closed_on IS NULL")[0]!.n;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThan(open);
    expect(listed.some((item) => item.newFlags.some((flag) => flag.rule === 'iee_refused_without_filing'))).toBe(true);
  });
});
