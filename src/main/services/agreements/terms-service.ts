/**
 * Terms of an agreement. The schedule is stored as JSON (the source of truth) and, for queries and
 * exports that should not parse JSON, denormalised into amount / unit / period:
 * - recurring '3 x 30 min per week' → 90, 'minutes', 'week' (the amount per period);
 * - total '1,200 min' → 1200, 'minutes', 'total'; '30 sessions' → 30, 'sessions', 'total';
 * - one-off 'by 1 Dec' and payment 'within 30 days of invoice' → 1, 'occurrences', 'once' (a
 *   training for 6 teachers → 6);
 * - a recurring deliverable 'every month by the 15th' → 1, 'occurrences', 'month'.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import { termSchema, type TermSchedule } from '@shared/compliance';
import type { TermFields, TermRecord } from '@shared/domain/agreements';
import { agreementTermsTable, deliveriesTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { ownerOfAgreement, ownerOfTerm, toTermRecord } from './records';

export interface ScheduleColumns {
  amount: number | null;
  unit: string | null;
  period: string | null;
}

export function scheduleColumns(schedule: TermSchedule): ScheduleColumns {
  switch (schedule.kind) {
    case 'recurring':
      return { amount: schedule.minutesPerSession * schedule.sessionsPerPeriod, unit: 'minutes', period: schedule.period };
    case 'total':
      if (schedule.totalMinutes != null) return { amount: schedule.totalMinutes, unit: 'minutes', period: 'total' };
      if (schedule.minutesPerSession != null) {
        return { amount: (schedule.totalSessions ?? 0) * schedule.minutesPerSession, unit: 'minutes', period: 'total' };
      }
      return { amount: schedule.totalSessions ?? null, unit: 'sessions', period: 'total' };
    case 'one_off':
      return { amount: schedule.totalCount ?? 1, unit: 'occurrences', period: 'once' };
    case 'payment':
      return { amount: 1, unit: 'occurrences', period: 'once' };
    case 'recurring_deliverable':
      return { amount: 1, unit: 'occurrences', period: schedule.frequency };
  }
}

/**
 * Checks the fields with the compliance module's own term schema, so a term the math would
 * reject never reaches the database, and returns the row's columns.
 */
function termColumns(fields: TermFields) {
  const checked = termSchema.safeParse({
    ...fields,
    id: 1,
    provider: fields.provider ?? '',
    location: fields.location ?? '',
    makeupRule: fields.makeupRule ?? '',
    goal: fields.goal ?? '',
  });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new AppError('VALIDATION', `Please check the term. ${issue?.message ?? ''}`.trim(), {
      [`fields.${path || 'schedule'}`]: issue?.message ?? 'Not valid',
    });
  }
  const reviewDates = [...new Set(fields.reviewDates)].sort();
  // A clause other than 'by a date' has no deadline of its own: a stale date would mislead letters.
  const makeupDeadline = fields.makeupClause && fields.makeupClause.kind !== 'by_date' ? null : fields.makeupDeadline;
  return {
    ...fields,
    makeupDeadline,
    makeupClause: fields.makeupClause as Record<string, unknown> | null,
    schedule: checked.data.schedule as Record<string, unknown>,
    reviewDates,
    ...scheduleColumns(checked.data.schedule),
  };
}

/** A due date relative to another term must name another term of the same agreement. */
function assertRelativeTerm(ctx: ServiceContext, fields: TermFields, agreementId: number, selfId: number | null): void {
  const schedule = fields.schedule;
  if (schedule.kind !== 'one_off' || schedule.relativeTo?.kind !== 'term') return;
  const other = ctx.db.orm
    .select({ agreementId: agreementTermsTable.agreementId })
    .from(agreementTermsTable)
    .where(eq(agreementTermsTable.id, schedule.relativeTo.termId))
    .get();
  if (!other || other.agreementId !== agreementId || schedule.relativeTo.termId === selfId) {
    throw new AppError('VALIDATION', 'The due date must count from another term of the same agreement.', {
      'fields.schedule.relativeTo': 'Choose another term of this agreement',
    });
  }
}

export function listTerms(ctx: ServiceContext, agreementId: number): TermRecord[] {
  return ctx.db.orm
    .select()
    .from(agreementTermsTable)
    .where(eq(agreementTermsTable.agreementId, agreementId))
    .orderBy(agreementTermsTable.id)
    .all()
    .map(toTermRecord);
}

export function createTerm(ctx: ServiceContext, input: ParsedInput<'agreements.createTerm'>): TermRecord {
  const columns = termColumns(input.fields);
  return ctx.db.sqlite.transaction(() => {
    const { familyId } = ownerOfAgreement(ctx, input.agreementId);
    assertRelativeTerm(ctx, input.fields, input.agreementId, null);
    const row = ctx.db.orm
      .insert(agreementTermsTable)
      .values({ ...columns, agreementId: input.agreementId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'agreement_term', entityId: row.id, familyId }, ctx.now());
    return toTermRecord(row);
  })();
}

export function updateTerm(ctx: ServiceContext, input: ParsedInput<'agreements.updateTerm'>): TermRecord {
  const columns = termColumns(input.fields);
  return ctx.db.sqlite.transaction(() => {
    const { familyId, term } = ownerOfTerm(ctx, input.id);
    assertRelativeTerm(ctx, input.fields, term.agreementId, input.id);
    const row = ctx.db.orm.update(agreementTermsTable).set(columns).where(eq(agreementTermsTable.id, input.id)).returning().get();
    recordAudit(ctx.db, { action: 'update', entity: 'agreement_term', entityId: input.id, familyId }, ctx.now());
    return toTermRecord(row!);
  })();
}

/** The term's implementation log goes with it; the audit row says how many lines. */
export function deleteTerm(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const { familyId } = ownerOfTerm(ctx, id);
    // Deleted explicitly rather than left to the cascade, so the count is exact and no log line
    // can outlive its term even on a connection opened without foreign keys.
    const removed = ctx.db.orm.delete(deliveriesTable).where(eq(deliveriesTable.termId, id)).run();
    ctx.db.orm.delete(agreementTermsTable).where(eq(agreementTermsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'agreement_term', entityId: id, familyId, detail: `deliveries:${removed.changes}` }, ctx.now());
  })();
  return { ok: true };
}
