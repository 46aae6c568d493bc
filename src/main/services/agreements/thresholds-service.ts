/**
 * The user's compliance thresholds (when a term counts as 'behind', how close a meeting must be to
 * a review date), kept in the settings table as one JSON value.
 */
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { complianceThresholdsSchema, DEFAULT_THRESHOLDS, type ComplianceThresholds } from '@shared/compliance';
import { settingsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';

export const THRESHOLDS_SETTING_KEY = 'compliance.thresholds';

/** The stored thresholds; a missing key takes its default, and an unreadable value all defaults. */
export function getComplianceThresholds(ctx: ServiceContext): ComplianceThresholds {
  const row = ctx.db.orm.select().from(settingsTable).where(eq(settingsTable.key, THRESHOLDS_SETTING_KEY)).get();
  if (!row) return { ...DEFAULT_THRESHOLDS };
  const parsed = complianceThresholdsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : { ...DEFAULT_THRESHOLDS };
}

export function setComplianceThresholds(ctx: ServiceContext, input: ParsedInput<'agreements.setThresholds'>): ComplianceThresholds {
  return ctx.db.sqlite.transaction(() => {
    const current = getComplianceThresholds(ctx);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const next = complianceThresholdsSchema.parse({ ...current, ...changes });
    ctx.db.orm
      .insert(settingsTable)
      .values({ key: THRESHOLDS_SETTING_KEY, value: next })
      .onConflictDoUpdate({ target: settingsTable.key, set: { value: next } })
      .run();
    const changed = Object.keys(changes).sort().join(',');
    recordAudit(ctx.db, { action: 'update', entity: 'setting', entityId: null, familyId: null, detail: `${THRESHOLDS_SETTING_KEY}:${changed}` }, ctx.now());
    return next;
  })();
}
