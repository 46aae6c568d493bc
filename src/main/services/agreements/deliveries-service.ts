/** The implementation log of a term, one line at a time (by hand). Each write is one audited transaction. */
import { asc, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import { DISTRICT_CAUSED_MISSES, type DeliveryStatus } from '@shared/compliance';
import type { DeliveryRecord } from '@shared/domain/agreements';
import { deliveriesTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { assertDocumentOfCase, ownerOfDelivery, ownerOfTerm, toDeliveryRecord } from './records';

/**
 * A make-up that replaces a missed session (a rescheduled session) must name a missed or
 * cut-short session the district caused, of the same term.
 */
function assertReplaces(ctx: ServiceContext, replacesDeliveryId: number | null, termId: number, selfId: number | null): void {
  if (replacesDeliveryId === null) return;
  const missed = ctx.db.orm
    .select({ termId: deliveriesTable.termId, status: deliveriesTable.status })
    .from(deliveriesTable)
    .where(eq(deliveriesTable.id, replacesDeliveryId))
    .get();
  const isOwed = missed !== undefined && (missed.status === 'cut_short' || DISTRICT_CAUSED_MISSES.includes(missed.status as DeliveryStatus));
  if (!missed || missed.termId !== termId || !isOwed || replacesDeliveryId === selfId) {
    throw new AppError('VALIDATION', 'A make-up can only replace a session of this term that the district missed or cut short.', {
      'fields.replacesDeliveryId': 'Choose a missed session of this term',
    });
  }
}

/** Date order; lines on the same day keep the order they were entered. */
export function listDeliveries(ctx: ServiceContext, termId: number): DeliveryRecord[] {
  ownerOfTerm(ctx, termId);
  return ctx.db.orm
    .select()
    .from(deliveriesTable)
    .where(eq(deliveriesTable.termId, termId))
    .orderBy(asc(deliveriesTable.deliveredOn), asc(deliveriesTable.id))
    .all()
    .map(toDeliveryRecord);
}

export function createDelivery(ctx: ServiceContext, input: ParsedInput<'agreements.createDelivery'>): DeliveryRecord {
  return ctx.db.sqlite.transaction(() => {
    const { caseId, familyId } = ownerOfTerm(ctx, input.termId);
    assertDocumentOfCase(ctx, input.fields.evidenceDocumentId, caseId, 'fields.evidenceDocumentId');
    assertReplaces(ctx, input.fields.replacesDeliveryId, input.termId, null);
    const row = ctx.db.orm
      .insert(deliveriesTable)
      .values({ ...input.fields, termId: input.termId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'delivery', entityId: row.id, familyId }, ctx.now());
    return toDeliveryRecord(row);
  })();
}

export function updateDelivery(ctx: ServiceContext, input: ParsedInput<'agreements.updateDelivery'>): DeliveryRecord {
  return ctx.db.sqlite.transaction(() => {
    const { caseId, familyId, delivery } = ownerOfDelivery(ctx, input.id);
    assertDocumentOfCase(ctx, input.fields.evidenceDocumentId, caseId, 'fields.evidenceDocumentId');
    assertReplaces(ctx, input.fields.replacesDeliveryId, delivery.termId, input.id);
    const row = ctx.db.orm.update(deliveriesTable).set(input.fields).where(eq(deliveriesTable.id, input.id)).returning().get();
    recordAudit(ctx.db, { action: 'update', entity: 'delivery', entityId: input.id, familyId }, ctx.now());
    return toDeliveryRecord(row!);
  })();
}

export function deleteDelivery(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const { familyId } = ownerOfDelivery(ctx, id);
    ctx.db.orm.delete(deliveriesTable).where(eq(deliveriesTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'delivery', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}
