import { blob, index, integer, primaryKey, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { casesTable } from './cases';
import { createdAt } from './columns';
import { eventsTable } from './events';

/** Document metadata; the bytes live in document_contents, inside the encrypted vault. */
export const documentsTable = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => casesTable.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    documentDate: text('document_date'),
    category: text('category').notNull().default('other'),
    author: text('author'),
    mimeType: text('mime_type').notNull(),
    originalName: text('original_name'),
    sizeBytes: integer('size_bytes').notNull(),
    pageCount: integer('page_count'),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
    /** The e-mail this document was attached to, when it was imported from one; kept if the e-mail goes. */
    parentDocumentId: integer('parent_document_id').references((): AnySQLiteColumn => documentsTable.id, { onDelete: 'set null' }),
    /** For a letter exported from the app: its kind, so "Mark as sent" works after the editor is closed. */
    letterKind: text('letter_kind'),
    /** The letter's recipient as drafted (prefills "To whom"). */
    letterTo: text('letter_to'),
    /** An IEE request letter's request (disputed evaluation, its date, areas), for the tracker entry "Mark as sent" starts. */
    letterIeeRequest: text('letter_iee_request', { mode: 'json' }).$type<{ disputedEvaluation: string; disputedEvaluationOn?: string; areas: string[] }>(),
  },
  (table) => [index('documents_case_idx').on(table.caseId), index('documents_parent_idx').on(table.parentDocumentId)],
);
export type DocumentRow = typeof documentsTable.$inferSelect;

export const documentContentsTable = sqliteTable('document_contents', {
  documentId: integer('document_id')
    .primaryKey()
    .references(() => documentsTable.id, { onDelete: 'cascade' }),
  content: blob('content', { mode: 'buffer' }).notNull(),
  /** Extracted text, for full-text search. */
  text: text('text'),
  /**
   * The PDF pages made once at import from a file that is not a PDF (an e-mail), stored beside
   * the original: binders use these pages, the original stays as received.
   */
  pdfRendition: blob('pdf_rendition', { mode: 'buffer' }),
});

export const documentEventsTable = sqliteTable(
  'document_events',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => documentsTable.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => eventsTable.id, { onDelete: 'cascade' }),
    /** The page of the document that shows the fact (a pin cite: 'P-7 at 3'); null cites the whole document. */
    page: integer('page'),
  },
  (table) => [primaryKey({ columns: [table.documentId, table.eventId] }), index('document_events_event_idx').on(table.eventId)],
);
