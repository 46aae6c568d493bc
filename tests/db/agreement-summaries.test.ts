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
