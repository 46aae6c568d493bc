import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';
import { eventsTable } from './events';

/** IEP meetings, resolution sessions, mediations: prep, notes and decisions. */
export const meetingsTable = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** iep_meeting | resolution_session | mediation | other */
    type: text('type').notNull(),
    heldAt: text('held_at').notNull(),
    /**
     * The timeline fact this meeting is: an IEP meeting (with its kind), a resolution meeting or a
     * mediation is one record on the timeline; the meeting row holds the advocate's workspace
     * (prep, notes, decisions) for it. Later records (the IEP's goals, consent) hang off the fact.
     */
    eventId: integer('event_id').references(() => eventsTable.id, { onDelete: 'set null' }),
    place: text('place'),
    /** When the meeting is planned to end, 'HH:MM' on its day (null: not known). */
    endsAt: text('ends_at'),
    /** JSON array of attendees: people from the contacts (contactId) and free-text names, with their role. */
    attendees: text('attendees', { mode: 'json' }).$type<{ contactId?: number; name: string; role?: string }[]>().notNull().default([]),
    agenda: text('agenda'),
    /**
     * JSON: the preparation worksheet (positions, interests, non-negotiables, questions...), shape
     * `preparationWorksheet` in src/shared/domain/meetings.ts; read back with safeParse.
     */
    preparation: text('preparation', { mode: 'json' }).$type<Record<string, unknown>>(),
    parentConcerns: text('parent_concerns'),
    notes: text('notes'),
    followUpSentOn: text('follow_up_sent_on'),
    /** How the meeting ended for the IEP: changes_agreed | no_change | partial (null: not recorded). */
    outcome: text('outcome'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('meetings_case_idx').on(table.caseId, table.heldAt), uniqueIndex('meetings_event_idx').on(table.eventId)],
);
export type MeetingRow = typeof meetingsTable.$inferSelect;

export const meetingDecisionsTable = sqliteTable(
  'meeting_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetingsTable.id, { onDelete: 'cascade' }),
    who: text('who').notNull(),
    what: text('what').notNull(),
    dueOn: text('due_on'),
    /** The task made from this decision (no foreign key: a deleted task leaves the decision as it was). */
    taskId: integer('task_id'),
  },
  (table) => [index('meeting_decisions_meeting_idx').on(table.meetingId)],
);
export type MeetingDecisionRow = typeof meetingDecisionsTable.$inferSelect;
