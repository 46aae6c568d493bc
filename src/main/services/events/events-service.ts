import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { TimelineEvent } from '@shared/domain/entities';
import { hasKinds, kindsOf } from '@shared/deadlines';
import { eventsTable, meetingsTable, type EventRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';

function toEvent(row: EventRow, meetingId: number | null): TimelineEvent {
  return {
    id: row.id,
    caseId: row.caseId,
    occurredOn: row.occurredOn,
    type: row.type as TimelineEvent['type'],
    kind: row.kind,
    isKindConfirmed: row.isKindConfirmed,
    attributes: (row.attributes as TimelineEvent['attributes']) ?? null,
    title: row.title,
    details: row.details,
    people: row.people,
    contactId: row.contactId,
    meetingId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function meetingIdsOf(ctx: ServiceContext, eventIds: readonly number[]): Map<number, number> {
  if (eventIds.length === 0) return new Map();
  const rows = ctx.db.orm
    .select({ id: meetingsTable.id, eventId: meetingsTable.eventId })
    .from(meetingsTable)
    .where(inArray(meetingsTable.eventId, [...eventIds]))
    .all();
  return new Map(rows.map((row) => [row.eventId!, row.id]));
}

/** The chronology in date order; events on the same day keep the order they were entered. */
export function listEvents(ctx: ServiceContext, input: ParsedInput<'events.list'>): TimelineEvent[] {
  getCaseRow(ctx, input.caseId);
  const conditions = [eq(eventsTable.caseId, input.caseId)];
  if (input.types && input.types.length > 0) conditions.push(inArray(eventsTable.type, input.types));
  const rows = ctx.db.orm
    .select()
    .from(eventsTable)
    .where(and(...conditions))
    .orderBy(asc(eventsTable.occurredOn), asc(eventsTable.id))
    .all();
  const meetings = meetingIdsOf(
    ctx,
    rows.filter((row) => row.type === 'iep_meeting' || row.type === 'resolution_meeting').map((row) => row.id),
  );
  return rows.map((row) => toEvent(row, meetings.get(row.id) ?? null));
}

export function eventRow(ctx: ServiceContext, id: number): EventRow {
  const row = ctx.db.orm.select().from(eventsTable).where(eq(eventsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That timeline entry no longer exists.');
  return row;
}

export function getEvent(ctx: ServiceContext, id: number): TimelineEvent {
  return toEvent(eventRow(ctx, id), meetingIdsOf(ctx, [id]).get(id) ?? null);
}

/** The columns a fact's fields set: a kind given by the advocate is confirmed. */
function factColumns(fields: ParsedInput<'events.create'>['fields']) {
  return { ...fields, kind: fields.kind, attributes: fields.attributes, isKindConfirmed: true };
}

export function createEvent(ctx: ServiceContext, input: ParsedInput<'events.create'>): TimelineEvent {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const row = ctx.db.orm
      .insert(eventsTable)
      .values({ ...factColumns(input.fields), caseId: input.caseId })
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'event', entityId: row.id, familyId }, ctx.now());
    return toEvent(row, null);
  })();
}

export function updateEvent(ctx: ServiceContext, input: ParsedInput<'events.update'>): TimelineEvent {
  return ctx.db.sqlite.transaction(() => {
    const existing = eventRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    const meetingId = meetingIdsOf(ctx, [input.id]).get(input.id) ?? null;
    if (meetingId !== null && input.fields.type !== existing.type) {
      throw new AppError('VALIDATION', 'This entry is a meeting with its own page: change its type there, or delete the meeting.', {
        type: 'Linked to a meeting',
      });
    }
    const row = ctx.db.orm
      .update(eventsTable)
      .set({ ...factColumns(input.fields), updatedAt: ctx.now().toISOString() })
      .where(eq(eventsTable.id, input.id))
      .returning()
      .get();
    if (meetingId !== null && row.occurredOn !== existing.occurredOn) {
      // One record: the meeting's date follows its fact (keeping any time of day).
      const meeting = ctx.db.orm.select({ heldAt: meetingsTable.heldAt }).from(meetingsTable).where(eq(meetingsTable.id, meetingId)).get();
      const time = meeting?.heldAt.slice(10) ?? '';
      ctx.db.orm
        .update(meetingsTable)
        .set({ heldAt: `${row.occurredOn}${time}`, updatedAt: ctx.now().toISOString() })
        .where(eq(meetingsTable.id, meetingId))
        .run();
    }
    recordAudit(ctx.db, { action: 'update', entity: 'event', entityId: input.id, familyId }, ctx.now());
    return toEvent(row, meetingId);
  })();
}

/**
 * Confirms a guessed kind (or corrects it). A removal has no kind: confirming it says its
 * recorded day count and placement decision are what happened.
 */
export function confirmEventKind(ctx: ServiceContext, input: ParsedInput<'events.confirmKind'>): TimelineEvent {
  return ctx.db.sqlite.transaction(() => {
    const existing = eventRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    if (hasKinds(existing.type)) {
      if (!input.kind || !kindsOf(existing.type).includes(input.kind)) {
        throw new AppError('VALIDATION', 'Choose one of the kinds of this entry.', { kind: `One of: ${kindsOf(existing.type).join(', ')}` });
      }
    } else if (input.kind) {
      throw new AppError('VALIDATION', 'This type of entry has no kind.', { kind: 'No kind' });
    }
    const row = ctx.db.orm
      .update(eventsTable)
      .set({ kind: input.kind, isKindConfirmed: true, updatedAt: ctx.now().toISOString() })
      .where(eq(eventsTable.id, input.id))
      .returning()
      .get();
    recordAudit(ctx.db, { action: 'update', entity: 'event', entityId: input.id, familyId, detail: 'confirm-kind' }, ctx.now());
    return toEvent(row, meetingIdsOf(ctx, [input.id]).get(input.id) ?? null);
  })();
}

export function deleteEvent(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = eventRow(ctx, id);
    const familyId = familyOfCase(ctx, existing.caseId);
    if (meetingIdsOf(ctx, [id]).has(id)) {
      throw new AppError('VALIDATION', 'This entry is a meeting with its preparation and notes: delete it from the meeting page.');
    }
    ctx.db.orm.delete(eventsTable).where(eq(eventsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'event', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}
