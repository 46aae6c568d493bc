import { index, integer, real, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt, updatedAt } from './columns';
import { documentsTable } from './documents';

/** Signed mediation/settlement agreements and IEP service pages. */
export const agreementsTable = sqliteTable(
  'agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    /** mediation_agreement | settlement_agreement | iep_services */
    type: text('type').notNull(),
    title: text('title').notNull(),
    signedOn: text('signed_on'),
    parties: text('parties'),
    sourceDocumentId: integer('source_document_id').references(() => documentsTable.id, { onDelete: 'set null' }),
    notes: text('notes'),
    /** scheduled_sessions | pro_rata_school_days: how recurring services' required minutes are counted. */
    owedConvention: text('owed_convention').notNull().default('scheduled_sessions'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('agreements_case_idx').on(table.caseId)],
);
export type AgreementRow = typeof agreementsTable.$inferSelect;

/** One concrete promise of an agreement: what, how much, by whom, from when to when. */
export const agreementTermsTable = sqliteTable(
  'agreement_terms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreementsTable.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    description: text('description').notNull(),
    /** JSON: the schedule (recurring minutes per period, a total, a one-off by a date, a payment). */
    schedule: text('schedule', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    amount: real('amount'),
    unit: text('unit'),
    period: text('period'),
    provider: text('provider'),
    location: text('location'),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    makeupRule: text('makeup_rule'),
    makeupDeadline: text('makeup_deadline'),
    /** JSON: the make-up clause's kind (and N school days); null on rows from before it existed. */
    makeupClause: text('makeup_clause', { mode: 'json' }).$type<Record<string, unknown>>(),
    reviewDates: text('review_dates', { mode: 'json' }).$type<string[]>().notNull().default([]),
    goal: text('goal'),
  },
  (table) => [index('agreement_terms_agreement_idx').on(table.agreementId)],
);
export type AgreementTermRow = typeof agreementTermsTable.$inferSelect;

/** The implementation log: what was actually delivered under a term. */
export const deliveriesTable = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    termId: integer('term_id')
      .notNull()
      .references(() => agreementTermsTable.id, { onDelete: 'cascade' }),
    deliveredOn: text('delivered_on').notNull(),
    minutes: integer('minutes'),
    count: integer('count'),
    provider: text('provider'),
    /** delivered | cut_short | missed_provider_absent | missed_student_absent | missed_school_closed */
    status: text('status').notNull(),
    note: text('note'),
    evidenceDocumentId: integer('evidence_document_id').references(() => documentsTable.id, { onDelete: 'set null' }),
    /** A make-up or rescheduled session: the missed session it replaces. */
    replacesDeliveryId: integer('replaces_delivery_id').references((): AnySQLiteColumn => deliveriesTable.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  // Covering for the caseload-wide compliance read (agreements-behind.ts, PACKED_LINES_SQL): the
  // whole log is read from the index alone, in (term, date) order, without a table lookup per line.
  // Migration 0020 (custom SQL) adds PACKED_DELIVERY_LINE (agreements-behind.ts) as a seventh,
  // expression column, so each line's packed text is computed when the line is written rather than
  // on every read. drizzle-kit cannot write an expression index: a change here needs a custom
  // migration that keeps it (tests/db/agreements-compliance.test.ts checks the vault's index).
  (table) => [index('deliveries_term_date_idx').on(table.termId, table.deliveredOn, table.status, table.minutes, table.count, table.replacesDeliveryId)],
);
export type DeliveryRow = typeof deliveriesTable.$inferSelect;
