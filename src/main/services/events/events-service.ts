import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { TimelineEvent } from '@shared/domain/entities';
import { eventsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';

/** The chronology in date order; events on the same day keep the order they were entered. */
export function listEvents(ctx: ServiceContext, input: ParsedInput<'events.list'>): TimelineEvent[] {
  getCaseRow(ctx, input.caseId);
  const conditions = [eq(eventsTable.caseId, input.caseId)];
  if (input.types && input.types.length > 0) conditions.push(inArray(eventsTable.type, input.types));
  return ctx.db.orm
    .select()
    .from(eventsTable)
    .where(and(...conditions))
    .orderBy(asc(eventsTable.occurredOn), asc(eventsTable.id))
    .all() as TimelineEvent[];
}

function caseOfEvent(ctx: ServiceContext, id: number): number {
  const row = ctx.db.orm.select({ caseId: eventsTable.caseId }).from(eventsTable).where(eq(eventsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That timeline entry no longer exists.');
  return row.caseId;
}

export function createEvent(ctx: ServiceContext, input: ParsedInput<'events.create'>): TimelineEvent {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const row = ctx.db.orm.insert(eventsTable).values({ ...input.fields, caseId: input.caseId }).returning().get();
    recordAudit(ctx.db, { action: 'create', entity: 'event', entityId: row.id, familyId }, ctx.now());
    return row as TimelineEvent;
  })();
}

export function updateEvent(ctx: ServiceContext, input: ParsedInput<'events.update'>): TimelineEvent {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, caseOfEvent(ctx, input.id));
    const row = ctx.db.orm
      .update(eventsTable)
      .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
      .where(eq(eventsTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'event', entityId: input.id, familyId }, ctx.now());
    return row as TimelineEvent;
  })();
}

export function deleteEvent(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, caseOfEvent(ctx, id));
    ctx.db.orm.delete(eventsTable).where(eq(eventsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'event', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}
