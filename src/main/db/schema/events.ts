import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FactAttributes } from '@shared/deadlines/facts';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';
import { contactsTable } from './contacts';

/** The case timeline (chronology): every dated email, call, meeting, evaluation, incident... */
export const eventsTable = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    occurredOn: text('occurred_on').notNull(),
    type: text('type').notNull(),
    /**
     * The fact's kind where its type has kinds (an IEP meeting's initial/annual/amendment...,
     * an evaluation's reevaluation/IEE..., who filed a complaint): what the deadline rules read.
     */
    kind: text('kind'),
    /** False for a kind guessed when an older vault was migrated, until the advocate confirms it. */
    isKindConfirmed: integer('kind_confirmed', { mode: 'boolean' }).notNull().default(true),
    /** Kind-specific attributes the rules read (school days removed, joint written waiver...), JSON. */
    attributes: text('attributes', { mode: 'json' }).$type<FactAttributes>(),
    title: text('title').notNull(),
    details: text('details'),
    people: text('people'),
    contactId: integer('contact_id').references(() => contactsTable.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    index('events_case_date_idx').on(table.caseId, table.occurredOn),
    // By type first (it replaces the former events_type_idx), and covering the deadline
    // engine's trigger query: the dashboard reads every trigger of every open case from the
    // index alone, without touching the table.
    // With the fact's kind and attributes, so the read stays index-only now that rules read them.
    index('events_trigger_idx').on(table.type, table.caseId, table.occurredOn, table.kind, table.isKindConfirmed, table.attributes),
    // The red-flag "district silent" rule reads every open case's correspondence from the index alone.
    index('events_case_type_contact_idx').on(table.caseId, table.type, table.occurredOn, table.contactId, table.title),
  ],
);
export type EventRow = typeof eventsTable.$inferSelect;
