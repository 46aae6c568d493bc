import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';
import { eventsTable } from './events';
import { meetingsTable } from './meetings';

/**
 * The family's answer to one district proposal (an evaluation plan, initial services, an IEP):
 * when it was presented and taken home, the decision (full, partial, refused), what a partial
 * consent covers, and whether a statement of disagreement was attached. A consent to evaluate is
 * the timeline fact the evaluation clock counts from (`event_id`), kept in step by the service.
 */
export const consentsTable = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** initial_evaluation | reevaluation | initial_services | iep | other */
    proposalKind: text('proposal_kind').notNull(),
    /** What the district proposed, in its own words ('Annual IEP of 2026-10-14'). */
    proposal: text('proposal').notNull(),
    /** The meeting where it was presented, when there was one. */
    meetingId: integer('meeting_id').references(() => meetingsTable.id, { onDelete: 'set null' }),
    presentedOn: text('presented_on').notNull(),
    takenHomeOn: text('taken_home_on'),
    /** pending | full | partial | refused */
    decision: text('decision').notNull().default('pending'),
    decidedOn: text('decided_on'),
    /** A partial consent: what the family consented to, and what not. */
    consentedParts: text('consented_parts'),
    withheldParts: text('withheld_parts'),
    /** The date a parent statement of disagreement was attached. */
    disagreementAttachedOn: text('disagreement_attached_on'),
    /** The consent_to_evaluate fact this consent is (an evaluation consent given), kept by the service. */
    eventId: integer('event_id').references(() => eventsTable.id, { onDelete: 'set null' }),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('consents_case_idx').on(table.caseId), uniqueIndex('consents_event_idx').on(table.eventId)],
);
export type ConsentRow = typeof consentsTable.$inferSelect;
