/** Meetings on a case: plan (type, date, place, attendees, agenda), prepare, take notes. */
import { asc, eq, inArray } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import type { ParsedInput } from '@shared/api/contract';
import type { Attendee, MeetingRecord, PreparationWorksheet } from '@shared/domain/meetings';
import { kindLabels } from '@shared/deadlines';
import { contactsTable, eventsTable, meetingDecisionsTable, meetingsTable, type MeetingDecisionRow, type MeetingRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { getMeetingRecord, meetingFacts, meetingRow, toMeetingRecord } from './meeting-records';

type MeetingInput = ParsedInput<'meetings.create'>['fields'];

/** The timeline fact type of a meeting type; mediations and other meetings are not clock facts. */
function factTypeOf(type: string): 'iep_meeting' | 'resolution_meeting' | null {
  return type === 'iep_meeting' ? 'iep_meeting' : type === 'resolution_session' ? 'resolution_meeting' : null;
}

function factTitle(fields: MeetingInput): string {
  if (fields.type === 'resolution_session') return 'Resolution meeting';
  const kind = fields.kind ? (kindLabels[fields.kind] ?? fields.kind) : '';
  return kind ? `IEP meeting (${kind})` : 'IEP meeting';
}

/**
 * Keeps the meeting's timeline fact in step with the meeting: created with it, moved and
 * re-kinded with it, removed when the meeting stops being an IEP or resolution meeting.
 */
function syncFact(ctx: ServiceContext, row: MeetingRow, fields: MeetingInput): number | null {
  const type = factTypeOf(fields.type);
  const date = fields.heldAt.slice(0, 10);
  if (type === null) {
    if (row.eventId !== null) {
      ctx.db.orm.update(meetingsTable).set({ eventId: null }).where(eq(meetingsTable.id, row.id)).run();
      ctx.db.orm.delete(eventsTable).where(eq(eventsTable.id, row.eventId)).run();
    }
    return null;
  }
  const values = { occurredOn: date, type, kind: fields.kind, isKindConfirmed: true, attributes: fields.fact, updatedAt: ctx.now().toISOString() };
  if (row.eventId !== null) {
    ctx.db.orm.update(eventsTable).set(values).where(eq(eventsTable.id, row.eventId)).run();
    return row.eventId;
  }
  const event = ctx.db.orm
    .insert(eventsTable)
    .values({ ...values, caseId: row.caseId, title: factTitle(fields), people: null })
    .returning()
    .get();
  ctx.db.orm.update(meetingsTable).set({ eventId: event.id }).where(eq(meetingsTable.id, row.id)).run();
  return event.id;
}

type StoredAttendee = { contactId?: number; name: string; role?: string };

/**
 * Attendees picked from the contacts must still exist; a blank name takes the contact's, so the
 * follow-up letter can list who was present even if the contact is later renamed or removed.
 */
function resolveAttendees(ctx: ServiceContext, attendees: readonly Attendee[]): StoredAttendee[] {
  const ids = [...new Set(attendees.flatMap((attendee) => (attendee.contactId === undefined ? [] : [attendee.contactId])))];
  const contacts = new Map(
    ids.length === 0
      ? []
      : ctx.db.orm
          .select({ id: contactsTable.id, name: contactsTable.name })
          .from(contactsTable)
          .where(inArray(contactsTable.id, ids))
          .all()
          .map((contact) => [contact.id, contact.name] as const),
  );
  return attendees.map((attendee, index) => {
    let name = attendee.name;
    if (attendee.contactId !== undefined) {
      const contactName = contacts.get(attendee.contactId);
      if (contactName === undefined) {
        throw new AppError('NOT_FOUND', 'One of the attendees is no longer in your contacts.', { [`fields.attendees.${index}.contactId`]: 'Not found' });
      }
      name ||= contactName;
    }
    if (!name) throw new AppError('VALIDATION', 'Each attendee needs a name.', { [`fields.attendees.${index}.name`]: 'Name is required' });
    return {
      ...(attendee.contactId !== undefined ? { contactId: attendee.contactId } : {}),
      name,
      ...(attendee.role ? { role: attendee.role } : {}),
    };
  });
}

export function listMeetings(ctx: ServiceContext, input: ParsedInput<'meetings.list'>): MeetingRecord[] {
  getCaseRow(ctx, input.caseId);
  const rows = ctx.db.orm
    .select()
    .from(meetingsTable)
    .where(eq(meetingsTable.caseId, input.caseId))
    .orderBy(asc(meetingsTable.heldAt), asc(meetingsTable.id))
    .all();
  const ids = rows.map((row) => row.id);
  const decisions = new Map<number, MeetingDecisionRow[]>();
  if (ids.length > 0) {
    const all = ctx.db.orm
      .select()
      .from(meetingDecisionsTable)
      .where(inArray(meetingDecisionsTable.meetingId, ids))
      .orderBy(asc(meetingDecisionsTable.id))
      .all();
    for (const decision of all) decisions.set(decision.meetingId, [...(decisions.get(decision.meetingId) ?? []), decision]);
  }
  const facts = meetingFacts(ctx, rows);
  return rows.map((row) => toMeetingRecord(row, decisions.get(row.id) ?? [], row.eventId === null ? undefined : facts.get(row.eventId)));
}

export function getMeeting(ctx: ServiceContext, id: number): MeetingRecord {
  return getMeetingRecord(ctx, id);
}

export function createMeeting(ctx: ServiceContext, input: ParsedInput<'meetings.create'>): MeetingRecord {
  return ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const attendees = resolveAttendees(ctx, input.fields.attendees);
    const { kind: _kind, fact: _fact, ...stored } = input.fields;
    const row = ctx.db.orm
      .insert(meetingsTable)
      .values({ ...stored, attendees, caseId: input.caseId })
      .returning()
      .get();
    syncFact(ctx, row, input.fields);
    recordAudit(ctx.db, { action: 'create', entity: 'meeting', entityId: row.id, familyId }, ctx.now());
    return getMeetingRecord(ctx, row.id);
  })();
}

export function updateMeeting(ctx: ServiceContext, input: ParsedInput<'meetings.update'>): MeetingRecord {
  return ctx.db.sqlite.transaction(() => {
    const existing = meetingRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    const attendees = resolveAttendees(ctx, input.fields.attendees);
    const { kind: _kind, fact: _fact, ...stored } = input.fields;
    ctx.db.orm
      .update(meetingsTable)
      .set({ ...stored, attendees, updatedAt: ctx.now().toISOString() })
      .where(eq(meetingsTable.id, input.id))
      .run();
    syncFact(ctx, existing, input.fields);
    recordAudit(ctx.db, { action: 'update', entity: 'meeting', entityId: input.id, familyId }, ctx.now());
    return getMeetingRecord(ctx, input.id);
  })();
}

/** The decisions go with the meeting (cascade); tasks made from them stay, as promises still owed. */
export function deleteMeeting(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = meetingRow(ctx, id);
    const familyId = familyOfCase(ctx, existing.caseId);
    ctx.db.orm.delete(meetingsTable).where(eq(meetingsTable.id, id)).run();
    // One record: the meeting's timeline fact goes with it.
    if (existing.eventId !== null) ctx.db.orm.delete(eventsTable).where(eq(eventsTable.id, existing.eventId)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'meeting', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

export function savePreparation(ctx: ServiceContext, input: { id: number; preparation: PreparationWorksheet }): MeetingRecord {
  return ctx.db.sqlite.transaction(() => {
    const existing = meetingRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    ctx.db.orm.update(meetingsTable).set({ preparation: input.preparation, updatedAt: ctx.now().toISOString() }).where(eq(meetingsTable.id, input.id)).run();
    recordAudit(ctx.db, { action: 'update', entity: 'meeting', entityId: input.id, familyId, detail: 'preparation' }, ctx.now());
    return getMeetingRecord(ctx, input.id);
  })();
}

/** Notes are saved often while the meeting runs; only this column changes, so nothing else is overwritten. */
export function saveNotes(ctx: ServiceContext, input: ParsedInput<'meetings.saveNotes'>): MeetingRecord {
  return ctx.db.sqlite.transaction(() => {
    const existing = meetingRow(ctx, input.id);
    const familyId = familyOfCase(ctx, existing.caseId);
    const notes = input.notes.trim() === '' ? null : input.notes;
    ctx.db.orm.update(meetingsTable).set({ notes, updatedAt: ctx.now().toISOString() }).where(eq(meetingsTable.id, input.id)).run();
    recordAudit(ctx.db, { action: 'update', entity: 'meeting', entityId: input.id, familyId, detail: 'notes' }, ctx.now());
    return getMeetingRecord(ctx, input.id);
  })();
}
