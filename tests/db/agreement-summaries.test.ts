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

  it('lists the worst first: a missed review, then the most compensatory time owed, the lowest share delivered, the largest shortfall', () => {
    const list = agreementsBehind(ctx, TODAY);
    // Each agreement's totals from the case's own summary (which carries them; the list does not).
    const totalsOf = new Map(
      [...new Set(list.map((item) => item.caseId))].flatMap((caseId) =>
        caseAgreementsSummary(ctx, caseId, TODAY).agreements.map((entry) => [entry.agreement.id, entry.totals] as const),
      ),
    );
    const key = (item: (typeof list)[number]) => {
      const totals = totalsOf.get(item.agreementId)!;
      return [
        item.status === 'review_missed' ? 0 : 1,
        -totals.compensatoryOwedMinutes,
        totals.services.percentExcludingAbsence ?? 100,
        -totals.shortfallMinutes,
      ];
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
