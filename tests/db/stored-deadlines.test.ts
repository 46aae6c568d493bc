import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/shared/deadlines';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import type { ServiceContext } from '../../src/main/services/context';
import { dashboardAt } from '../../src/main/services/dashboard/dashboard-service';
import { computeCases } from '../../src/main/services/deadlines/case-deadlines';
import { createEvent } from '../../src/main/services/events/events-service';
import { setJurisdictionOverride } from '../../src/main/services/jurisdictions/jurisdiction-service';
import { refreshStoredDeadlines, staleOpenCaseIds, storedItem } from '../../src/main/services/deadlines/stored-deadlines';
import { apiVault, STRONG_PASSPHRASE, unlockedVault } from '../support/temp-vault';

const TODAY = '2026-11-23';
let temp: Awaited<ReturnType<typeof unlockedVault>>;
let ctx: ServiceContext;

beforeAll(async () => {
  temp = await unlockedVault();
  ctx = temp.ctx;
  seedDemoCaseload(ctx, { families: 40, seed: 1, today: new Date(`${TODAY}T15:00:00Z`) });
}, 60_000);
afterAll(() => temp.cleanup());

/** Every open case's stored list, as the API would return it on `today`. */
function storedLists(today: string): Map<number, unknown[]> {
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT d.case_id AS caseId, d.item FROM case_deadlines d JOIN cases c ON c.id = d.case_id
        WHERE c.archived_at IS NULL AND c.stage <> 'closed' AND c.closed_on IS NULL ORDER BY d.case_id, d.position`,
    )
    .all() as { caseId: number; item: string }[];
  const lists = new Map<number, unknown[]>();
  for (const row of rows) {
    const list = lists.get(row.caseId) ?? [];
    list.push(storedItem(row.item, today));
    lists.set(row.caseId, list);
  }
  return lists;
}

/** The same lists computed from scratch by the rules engine. */
function computedLists(today: string): Map<number, unknown[]> {
  return new Map(
    computeCases(ctx.db, { openCases: true }, today)
      .filter((entry) => entry.items.length > 0)
      .map((entry) => [entry.facts.ref.caseId, JSON.parse(JSON.stringify(entry.items)) as unknown[]]),
  );
}

function stateOf(caseId: number): { computedOn: string; staleOn: string | null } | undefined {
  return ctx.db.sqlite.prepare('SELECT computed_on AS computedOn, stale_on AS staleOn FROM case_deadline_states WHERE case_id = ?').get(caseId) as
    { computedOn: string; staleOn: string | null } | undefined;
}

describe('materialized deadlines', () => {
  it('stores every open case once, then recomputes nothing while nothing changes', () => {
    dashboardAt(ctx, TODAY);
    expect(staleOpenCaseIds(ctx.db, TODAY)).toEqual([]);
    expect(refreshStoredDeadlines(ctx.db, TODAY)).toEqual([]);
  });

  it("repeats each line's title, rule and citation in the columns the caseload and red flags read from indexes", () => {
    refreshStoredDeadlines(ctx.db, TODAY);
    const rows = ctx.db.sqlite.prepare('SELECT key, item, title, rule_id AS ruleId, citation FROM case_deadlines').all() as {
      key: string;
      item: string;
      title: string | null;
      ruleId: string | null;
      citation: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      const item = JSON.parse(row.item) as { title: string; derived: { ruleId: string; citation: string } | null };
      expect({ title: row.title, ruleId: row.ruleId, citation: row.citation }).toEqual({
        title: item.title,
        ruleId: item.derived?.ruleId ?? null,
        citation: item.derived?.citation ?? null,
      });
      // The red flags select review deadlines by rule: a derived line's key starts with its rule.
      if (row.ruleId !== null) expect(row.key.startsWith(`${row.ruleId}:`)).toBe(true);
    }
  });

  it('keeps every status, met date and lateness exactly as the engine computes them', () => {
    refreshStoredDeadlines(ctx.db, TODAY);
    const stored = storedLists(TODAY);
    expect(stored).toEqual(computedLists(TODAY));
    const statuses = new Set([...stored.values()].flat().map((item) => (item as { status: string }).status));
    for (const status of ['open', 'done', 'expired']) expect(statuses).toContain(status);
    const met = [...stored.values()]
      .flat()
      .find((item) => (item as { status: string; timeliness: unknown }).status === 'done' && (item as { timeliness: unknown }).timeliness !== null);
    expect(met).toMatchObject({ metOn: expect.any(String), timeliness: { text: expect.any(String) } });
  });

  it('recomputes only the case whose facts changed when one event is logged', () => {
    refreshStoredDeadlines(ctx.db, TODAY);
    const caseId = ctx.db.sqlite
      .prepare("SELECT id FROM cases WHERE archived_at IS NULL AND stage <> 'closed' AND closed_on IS NULL ORDER BY id LIMIT 1 OFFSET 3")
      .pluck()
      .get() as number;
    createEvent(ctx, {
      caseId,
      fields: {
        occurredOn: '2026-11-20',
        type: 'iep_meeting',
        kind: 'annual',
        attributes: null,
        title: 'Annual IEP meeting',
        details: null,
        people: null,
        contactId: null,
      },
    });
    expect(staleOpenCaseIds(ctx.db, TODAY)).toEqual([caseId]);
    expect(refreshStoredDeadlines(ctx.db, TODAY)).toEqual([caseId]);
    const annual = (storedLists(TODAY).get(caseId) as { key: string; dueDate: string }[]).find((item) => item.key.startsWith('annual-review:'));
    expect(annual?.dueDate).toBe('2027-11-20');
    expect(storedLists(TODAY)).toEqual(computedLists(TODAY));
  });

  it('recomputes the cases under a jurisdiction when one of its rules changes, and no other', () => {
    refreshStoredDeadlines(ctx.db, TODAY);
    const byJurisdiction = ctx.db.sqlite
      .prepare("SELECT jurisdiction, id FROM cases WHERE archived_at IS NULL AND stage <> 'closed' AND closed_on IS NULL ORDER BY id")
      .all() as { jurisdiction: string; id: number }[];
    const code = byJurisdiction[0]!.jurisdiction;
    setJurisdictionOverride(ctx, { code: code as never, ruleId: 'annual-review', override: { citation: 'checked by hand' } });
    expect(staleOpenCaseIds(ctx.db, TODAY)).toEqual(byJurisdiction.filter((row) => row.jurisdiction === code).map((row) => row.id));
    refreshStoredDeadlines(ctx.db, TODAY);
    expect(storedLists(TODAY)).toEqual(computedLists(TODAY));
  });

  it('stays equal to a fresh computation as the days pass, recomputing only cases whose dates came due', () => {
    refreshStoredDeadlines(ctx.db, TODAY);
    let day = TODAY;
    let recomputedTotal = 0;
    for (const step of [1, 6, 23, 60, 120, 200]) {
      day = addCalendarDays(day, step);
      const recomputed = refreshStoredDeadlines(ctx.db, day);
      for (const caseId of recomputed) expect(stateOf(caseId)?.computedOn).toBe(day);
      recomputedTotal += recomputed.length;
      expect(storedLists(day)).toEqual(computedLists(day));
    }
    const openCases = staleOpenCaseIds(ctx.db, '0000-01-01').length;
    // Far fewer recomputes than recomputing every case every day would take.
    expect(recomputedTotal).toBeLessThan(openCases * 6);
  });
});

describe('after an update of the app', () => {
  it('recomputes every stored list when the rules engine that stored them differs', async () => {
    refreshStoredDeadlines(ctx.db, TODAY);
    expect(staleOpenCaseIds(ctx.db, TODAY)).toEqual([]);
    const open = staleOpenCaseIds(ctx.db, '0000-01-01').length;
    ctx.db.sqlite.prepare("UPDATE settings SET value = '\"0:an older engine\"' WHERE key = 'deadlines.engine'").run();
    // The app opens the vault anew after an update: a new connection.
    temp.vault.lock();
    await temp.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    ctx = { ...ctx, db: temp.vault.db() };
    expect(staleOpenCaseIds(ctx.db, TODAY)).toHaveLength(open);
    refreshStoredDeadlines(ctx.db, TODAY);
    expect(staleOpenCaseIds(ctx.db, TODAY)).toEqual([]);
  });
});

describe('background recompute after a rule override', () => {
  it('recomputes the cases under the changed jurisdiction in the background, reporting progress to the end', async () => {
    const vault = await apiVault();
    try {
      seedDemoCaseload(vault.ctx, { families: 30, seed: 2, today: new Date(`${TODAY}T15:00:00Z`) });
      await vault.call('dashboard.get', {});
      expect(staleOpenCaseIds(vault.ctx.db, TODAY)).toEqual([]);
      const { jurisdiction: code, n } = vault.ctx.db.sqlite
        .prepare(
          "SELECT jurisdiction, count(*) AS n FROM cases WHERE archived_at IS NULL AND stage <> 'closed' AND closed_on IS NULL GROUP BY jurisdiction ORDER BY n DESC LIMIT 1",
        )
        .get() as { jurisdiction: string; n: number };
      await vault.call('jurisdictions.setOverride', { code: code as never, ruleId: 'annual-review', override: { citation: 'checked by hand' } });
      const progress = () => vault.events.flatMap((event) => (event.name === 'jobs.progress' && event.payload.kind === 'deadlines' ? [event.payload] : []));
      for (let wait = 0; wait < 200 && !progress().some((entry) => entry.isFinished); wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      const reported = progress();
      expect(reported.at(-1)).toMatchObject({ done: n, total: n, isFinished: true });
      expect(reported.length).toBeGreaterThan(1);
      expect(staleOpenCaseIds(vault.ctx.db, TODAY)).toEqual([]);
    } finally {
      vault.temp.cleanup();
    }
  }, 60_000);
});
