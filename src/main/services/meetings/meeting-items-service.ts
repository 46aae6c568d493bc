/**
 * Refusals, tabled items and verbal promises recorded at a meeting (issue 17), the meeting's
 * outcome, and the checklist tick when the next prior written notice or IEP reflects an item.
 */
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import { MEETING_OUTCOMES, type MeetingItem, type MeetingItemsResult, type MeetingOutcome } from '@shared/domain/meeting-items';
import { meetingItemsTable, meetingsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { meetingRow } from './meeting-records';

const ITEM_SQL = `
  SELECT i.id, i.meeting_id AS meetingId, i.kind, i.what, i.who, i.reflected_in AS reflectedIn, i.reflected_on AS reflectedOn,
         i.created_at AS createdAt, m.type AS meetingType, m.held_at AS meetingHeldAt
    FROM meeting_items i JOIN meetings m ON m.id = i.meeting_id`;

function itemById(ctx: ServiceContext, id: number): MeetingItem {
  const row = ctx.db.sqlite.prepare(`${ITEM_SQL} WHERE i.id = ?`).get(id) as MeetingItem | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That follow-up item no longer exists.');
  return row;
}

function outcomeOf(value: string | null): MeetingOutcome | null {
  return value !== null && (MEETING_OUTCOMES as readonly string[]).includes(value) ? (value as MeetingOutcome) : null;
}

/** The items of one meeting (by kind, then as entered), or of every meeting of a case (oldest meeting first). */
export function listMeetingItems(ctx: ServiceContext, input: ParsedInput<'meetings.listItems'>): MeetingItemsResult {
  if ('meetingId' in input) {
    const meeting = meetingRow(ctx, input.meetingId);
    const items = ctx.db.sqlite.prepare(`${ITEM_SQL} WHERE i.meeting_id = ? ORDER BY i.id`).all(input.meetingId) as MeetingItem[];
    return { items, outcome: outcomeOf(meeting.outcome) };
  }
  getCaseRow(ctx, input.caseId);
  const items = ctx.db.sqlite.prepare(`${ITEM_SQL} WHERE m.case_id = ? ORDER BY m.held_at, m.id, i.id`).all(input.caseId) as MeetingItem[];
  return { items, outcome: null };
}

/** The items of one meeting for its follow-up letter, in the order entered. */
export function itemsOfMeeting(ctx: ServiceContext, meetingId: number): MeetingItem[] {
  return ctx.db.sqlite.prepare(`${ITEM_SQL} WHERE i.meeting_id = ? ORDER BY i.id`).all(meetingId) as MeetingItem[];
}

export function createMeetingItem(ctx: ServiceContext, input: ParsedInput<'meetings.createItem'>): MeetingItem {
  return ctx.db.sqlite.transaction(() => {
    const meeting = meetingRow(ctx, input.meetingId);
    const familyId = familyOfCase(ctx, meeting.caseId);
    const row = ctx.db.orm
      .insert(meetingItemsTable)
      .values({ meetingId: input.meetingId, ...input.fields })
      .returning({ id: meetingItemsTable.id })
      .get();
    recordAudit(ctx.db, { action: 'create', entity: 'meeting_item', entityId: row.id, familyId }, ctx.now());
    return itemById(ctx, row.id);
  })();
}

export function updateMeetingItem(ctx: ServiceContext, input: ParsedInput<'meetings.updateItem'>): MeetingItem {
  return ctx.db.sqlite.transaction(() => {
    const existing = itemById(ctx, input.id);
    const familyId = familyOfCase(ctx, meetingRow(ctx, existing.meetingId).caseId);
    ctx.db.orm.update(meetingItemsTable).set(input.fields).where(eq(meetingItemsTable.id, input.id)).run();
    recordAudit(ctx.db, { action: 'update', entity: 'meeting_item', entityId: input.id, familyId }, ctx.now());
    return itemById(ctx, input.id);
  })();
}

export function deleteMeetingItem(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const existing = itemById(ctx, id);
    const familyId = familyOfCase(ctx, meetingRow(ctx, existing.meetingId).caseId);
    ctx.db.orm.delete(meetingItemsTable).where(eq(meetingItemsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'meeting_item', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

/** The notice or IEP that reflects the item cannot predate the meeting that produced it. */
export function setItemReflected(ctx: ServiceContext, input: ParsedInput<'meetings.setItemReflected'>): MeetingItem {
  return ctx.db.sqlite.transaction(() => {
    const existing = itemById(ctx, input.id);
    const meeting = meetingRow(ctx, existing.meetingId);
    if (input.reflectedOn && input.reflectedOn < meeting.heldAt.slice(0, 10)) {
      const message = `The notice or IEP that reflects it comes after the meeting (${meeting.heldAt.slice(0, 10)}).`;
      throw new AppError('VALIDATION', message, { reflectedOn: message });
    }
    const familyId = familyOfCase(ctx, meeting.caseId);
    ctx.db.orm
      .update(meetingItemsTable)
      .set({ reflectedIn: input.reflectedIn, reflectedOn: input.reflectedOn })
      .where(eq(meetingItemsTable.id, input.id))
      .run();
    recordAudit(
      ctx.db,
      { action: 'update', entity: 'meeting_item', entityId: input.id, familyId, detail: input.reflectedIn ? 'reflected' : 'unreflected' },
      ctx.now(),
    );
    return itemById(ctx, input.id);
  })();
}

export function setMeetingOutcome(ctx: ServiceContext, input: ParsedInput<'meetings.setOutcome'>): { id: number; outcome: MeetingOutcome | null } {
  return ctx.db.sqlite.transaction(() => {
    const meeting = meetingRow(ctx, input.id);
    const familyId = familyOfCase(ctx, meeting.caseId);
    ctx.db.orm.update(meetingsTable).set({ outcome: input.outcome, updatedAt: ctx.now().toISOString() }).where(eq(meetingsTable.id, input.id)).run();
    recordAudit(ctx.db, { action: 'update', entity: 'meeting', entityId: input.id, familyId, detail: 'outcome' }, ctx.now());
    return { id: input.id, outcome: input.outcome };
  })();
}
