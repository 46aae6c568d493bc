import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaseload } from '../../src/main/demo/demo-caseload';
import {
  agreementsBehind,
  agreementsBehindAt,
  refreshAgreementSummaries,
  setComplianceThresholds,
  staleAgreementIds,
} from '../../src/main/services/agreements';
import type { ServiceContext } from '../../src/main/services/context';
import { createDelivery } from '../../src/main/services/agreements';
import { caseAgreementsSummary } from '../../src/main/services/agreements/compliance-service';
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

/** One 30-minute session delivered on `deliveredOn`, logged for the term. */
function logSession(termId: number, deliveredOn: string): void {
  createDelivery(ctx, {
    termId,
    fields: { deliveredOn, minutes: 30, count: null, status: 'delivered', provider: '', note: '', evidenceDocumentId: null, replacesDeliveryId: null } as never,
  });
}

function computedOnDates(): string[] {
  return ctx.db.sqlite.prepare('SELECT DISTINCT computed_on FROM agreement_summaries').pluck().all() as string[];
}

describe('stored agreement compliance summaries', () => {
  it("reads today's list from stored summaries, equal to computing it from the log", () => {
    const stored = agreementsBehind(ctx, TODAY);
    expect(stored.length).toBeGreaterThan(2);
    expect(stored).toEqual(agreementsBehindAt(ctx, TODAY));
    expect(staleAgreementIds(ctx, TODAY)).toEqual([]);
    expect(refreshAgreementSummaries(ctx, TODAY)).toEqual([]);
  });

  it('lists the worst first, on the demo: behind before a missed review, then the figures, as the case summaries give them', () => {
    const list = agreementsBehind(ctx, TODAY);
    // Each agreement's totals from the case's own summary (which carries them; the list does not).
    const totalsOf = new Map(
      [...new Set(list.map((item) => item.caseId))].flatMap((caseId) =>
        caseAgreementsSummary(ctx, caseId, TODAY).agreements.map((entry) => [entry.agreement.id, entry.totals] as const),
      ),
    );
    const key = (item: (typeof list)[number]) => {
      const totals = totalsOf.get(item.agreementId)!;
      return [item.status === 'behind' ? 0 : 1, -totals.compensatoryOwedMinutes, totals.services.percentExcludingAbsence ?? 100, -totals.shortfallMinutes];
    };
    const compare = (a: number[], b: number[]) => a.findIndex((value, index) => value !== b[index]);
    let orderedPairs = 0;
    for (let index = 1; index < list.length; index += 1) {
      const [before, after] = [key(list[index - 1]!), key(list[index]!)];
      const at = compare(before, after);
      if (at === -1) expect(list[index - 1]!.familyName.localeCompare(list[index]!.familyName)).toBeLessThanOrEqual(0);
      else expect(before[at]!, `${list[index - 1]!.agreementTitle} before ${list[index]!.agreementTitle}`).toBeLessThan(after[at]!);
      if (at > 0) orderedPairs += 1;
    }
    // The demo's list is long enough that the figures, not only the status, decide the order.
    expect(orderedPairs).toBeGreaterThan(2);
    // Stored, each behind agreement keeps what the list shows and the three figures that order it.
    const stored = JSON.parse(ctx.db.sqlite.prepare("SELECT summary FROM agreement_summaries WHERE status = 'behind' LIMIT 1").pluck().get() as string);
    expect(Object.keys(stored).sort()).toEqual(['behindTermCount', 'explanation', 'missedReviewDates', 'rank', 'status']);
    expect(list[0]).not.toHaveProperty('rank');
  });

  it('recomputes only the agreement whose log changed when a session is logged', () => {
    agreementsBehind(ctx, TODAY);
    const { termId, agreementId } = ctx.db.sqlite
      .prepare(
        'SELECT t.id AS termId, t.agreement_id AS agreementId FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id ORDER BY t.id LIMIT 1 OFFSET 5',
      )
      .get() as { termId: number; agreementId: number };
    logSession(termId, '2026-11-20');
    expect(staleAgreementIds(ctx, TODAY)).toEqual([agreementId]);
    expect(refreshAgreementSummaries(ctx, TODAY)).toEqual([agreementId]);
    expect(agreementsBehind(ctx, TODAY)).toEqual(agreementsBehindAt(ctx, TODAY));
  });

  it("keeps today's list until the next write, and answers anew after one", () => {
    const first = agreementsBehind(ctx, TODAY);
    expect(agreementsBehind(ctx, TODAY)).toBe(first);
    const termId = ctx.db.sqlite.prepare('SELECT id FROM agreement_terms ORDER BY id LIMIT 1 OFFSET 7').pluck().get() as number;
    logSession(termId, '2026-11-19');
    const after = agreementsBehind(ctx, TODAY);
    expect(after).not.toBe(first);
    expect(after).toEqual(agreementsBehindAt(ctx, TODAY));
  });

  it('computes a date in the past on demand and stores nothing for it', () => {
    agreementsBehind(ctx, TODAY);
    const past = agreementsBehind(ctx, '2026-10-01');
    expect(past).toEqual(agreementsBehindAt(ctx, '2026-10-01'));
    expect(computedOnDates()).toEqual([TODAY]);
  });

  it('recomputes every agreement when the thresholds change, and all of them on a new day', () => {
    agreementsBehind(ctx, TODAY);
    setComplianceThresholds(ctx, { behindBelowPercent: 70 } as never);
    const open = staleAgreementIds(ctx, '2026-11-24').length;
    expect(staleAgreementIds(ctx, TODAY)).toHaveLength(open);
    expect(agreementsBehind(ctx, TODAY)).toEqual(agreementsBehindAt(ctx, TODAY));
  });
});

describe('the order of the agreements-behind list, from stored summaries written by hand', () => {
  it('puts behind before a missed review, then more compensatory time owed, a lower share delivered (none counts as 100%), a larger shortfall, then the family name', async () => {
    const own = await unlockedVault();
    try {
      const sql = own.ctx.db.sqlite;
      // One open case per family (each with its own student), one agreement per case.
      const families = ['Avery', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fox', 'Gray'];
      families.forEach((name, index) => {
        const id = index + 1;
        sql.prepare('INSERT INTO families (id, name) VALUES (?, ?)').run(id, `${name} family`);
        sql.prepare("INSERT INTO students (id, family_id, first_name, last_name) VALUES (?, ?, 'Kid', ?)").run(id, id, name);
        sql.prepare("INSERT INTO cases (id, student_id, title, opened_on) VALUES (?, ?, 'Services', '2025-09-01')").run(id, id);
        sql.prepare("INSERT INTO agreements (id, case_id, type, title, signed_on) VALUES (?, ?, 'mediation_agreement', ?, '2025-09-01')").run(id, id, name);
      });
      const store = (agreementId: number, status: string, summary: object) =>
        sql
          .prepare('INSERT INTO agreement_summaries (agreement_id, computed_on, status, summary) VALUES (?, ?, ?, ?)')
          .run(
            agreementId,
            TODAY,
            status,
            JSON.stringify({ status, explanation: `Agreement ${agreementId}.`, behindTermCount: 1, missedReviewDates: [], ...summary }),
          );
      const rank = (compensatoryOwedMinutes: number, percentExcludingAbsence: number | null, shortfallMinutes: number) => ({
        rank: { compensatoryOwedMinutes, percentExcludingAbsence, shortfallMinutes },
      });
      store(1, 'review_missed', rank(900, 10, 900)); // Avery: the worst figures, but a missed review only
      store(2, 'behind', rank(60, 50, 100)); // Baker
      store(3, 'behind', rank(120, 90, 10)); // Chen: the most compensatory time owed
      store(4, 'behind', rank(60, null, 500)); // Diaz: no share (counts as 100%)
      store(5, 'behind', rank(60, 50, 300)); // Evans: as Baker, a larger shortfall
      store(6, 'behind', rank(60, 50, 100)); // Fox: as Baker in every figure: by name, after Baker
      // Gray: stored by a build before 0021 (whole totals and worst term, no rank), as an older
      // build opening this vault on the same day would write it; ranked from its totals.
      store(7, 'behind', { totals: { compensatoryOwedMinutes: 60, shortfallMinutes: 200, services: { percentExcludingAbsence: 40 } }, worstTerm: null });
      const list = agreementsBehind(own.ctx, TODAY);
      expect(list.map((item) => item.familyName.replace(' family', ''))).toEqual(['Chen', 'Gray', 'Evans', 'Baker', 'Fox', 'Diaz', 'Avery']);
      expect(list.map((item) => Object.keys(item).filter((key) => ['rank', 'totals', 'worstTerm'].includes(key)))).toEqual(list.map(() => []));
    } finally {
      own.cleanup();
    }
  });
});
