import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { meetingsTable } from './meetings';

/**
 * What a meeting left open beyond its decisions: a refusal by the district, an item tabled for
 * later, a verbal promise. Each is a follow-up item the meeting follow-up letter lists, and a
 * checklist line the advocate ticks when the next prior written notice or IEP reflects it.
 */
export const meetingItemsTable = sqliteTable(
  'meeting_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetingsTable.id, { onDelete: 'cascade' }),
    /** refusal | tabled | promise */
    kind: text('kind').notNull(),
    what: text('what').notNull(),
    /** Who refused, tabled or promised ('District', 'Ms. Cole (case manager)'). */
    who: text('who'),
    /** pwn | iep: the document that reflects it, once the advocate ticks it. */
    reflectedIn: text('reflected_in'),
    reflectedOn: text('reflected_on'),
    createdAt: createdAt(),
  },
  (table) => [index('meeting_items_meeting_idx').on(table.meetingId)],
);
export type MeetingItemRow = typeof meetingItemsTable.$inferSelect;
