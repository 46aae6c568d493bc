/** Reading meetings and decisions back as the contract's records. */
import { asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import {
  IEP_MEETING_KINDS,
  MEETING_TYPES,
  iepMeetingFact,
  preparationWorksheet,
  type MeetingDecision,
  type MeetingRecord,
  type MeetingType,
} from '@shared/domain/meetings';
import { eventsTable, meetingDecisionsTable, meetingsTable, type EventRow, type MeetingDecisionRow, type MeetingRow } from '../../db/schema';
import type { ServiceContext } from '../context';

export function meetingRow(ctx: ServiceContext, id: number): MeetingRow {
  const row = ctx.db.orm.select().from(meetingsTable).where(eq(meetingsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That meeting no longer exists.');
  return row;
}

export function decisionRow(ctx: ServiceContext, id: number): MeetingDecisionRow {
  const row = ctx.db.orm.select().from(meetingDecisionsTable).where(eq(meetingDecisionsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That decision no longer exists.');
  return row;
}

export function decisionsOf(ctx: ServiceContext, meetingId: number): MeetingDecisionRow[] {
  return ctx.db.orm.select().from(meetingDecisionsTable).where(eq(meetingDecisionsTable.meetingId, meetingId)).orderBy(asc(meetingDecisionsTable.id)).all();
}

export function toDecision(row: MeetingDecisionRow): MeetingDecision {
  return { id: row.id, meetingId: row.meetingId, who: row.who, what: row.what, dueOn: row.dueOn, taskId: row.taskId };
}

function meetingType(value: string): MeetingType {
  return (MEETING_TYPES as readonly string[]).includes(value) ? (value as MeetingType) : 'other';
}

/**
 * A stored worksheet that no longer matches the schema (written by an older version, or imported)
 * reads as none rather than failing the whole meeting; saving a new one replaces it.
 */
function readPreparation(value: unknown): MeetingRecord['preparation'] {
  if (value === null || value === undefined) return null;
  const parsed = preparationWorksheet.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The timeline facts of meetings, by event id. */
export function meetingFacts(ctx: ServiceContext, rows: readonly MeetingRow[]): Map<number, EventRow> {
  const ids = rows.flatMap((row) => (row.eventId === null ? [] : [row.eventId]));
  if (ids.length === 0) return new Map();
  return new Map(
    ctx.db.orm
      .select()
      .from(eventsTable)
      .where(inArray(eventsTable.id, ids))
      .all()
      .map((event) => [event.id, event]),
  );
}

export function toMeetingRecord(row: MeetingRow, decisions: readonly MeetingDecisionRow[], event?: EventRow): MeetingRecord {
  const kind = event?.kind && (IEP_MEETING_KINDS as readonly string[]).includes(event.kind) ? (event.kind as MeetingRecord['kind']) : null;
  const fact = event?.attributes ? iepMeetingFact.safeParse(event.attributes) : null;
  return {
    id: row.id,
    caseId: row.caseId,
    type: meetingType(row.type),
    heldAt: row.heldAt,
    eventId: event ? event.id : null,
    kind,
    isKindConfirmed: event?.isKindConfirmed ?? true,
    fact: fact?.success ? fact.data : null,
    date: row.heldAt.slice(0, 10),
    place: row.place,
    endsAt: row.endsAt ?? null,
    attendees: (Array.isArray(row.attendees) ? row.attendees : [])
      .filter((attendee) => attendee && typeof attendee.name === 'string')
      .map((attendee) => ({
        ...(typeof attendee.contactId === 'number' ? { contactId: attendee.contactId } : {}),
        name: attendee.name,
        ...(typeof attendee.role === 'string' ? { role: attendee.role } : {}),
      })),
    agenda: row.agenda,
    preparation: readPreparation(row.preparation),
    parentConcerns: row.parentConcerns,
    notes: row.notes,
    followUpSentOn: row.followUpSentOn,
    decisions: decisions.map(toDecision),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function getMeetingRecord(ctx: ServiceContext, id: number): MeetingRecord {
  const row = meetingRow(ctx, id);
  return toMeetingRecord(row, decisionsOf(ctx, id), row.eventId === null ? undefined : meetingFacts(ctx, [row]).get(row.eventId));
}
