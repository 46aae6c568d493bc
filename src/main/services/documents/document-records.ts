import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import { DOCUMENT_MIME_TYPES, LETTER_KIND_IDS, type DocumentCategory, type DocumentRecord, type LetterKindId } from '@shared/domain/documents';
import { documentsTable, eventsTable, type DocumentRow } from '../../db/schema';
import type { ServiceContext } from '../context';

/** Reads rows with their event links and whether text was extracted, in one query each. */
export function toDocumentRecords(ctx: ServiceContext, rows: DocumentRow[]): DocumentRecord[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => row.id));
  const links = ctx.db.sqlite
    .prepare(
      'SELECT document_id AS documentId, event_id AS eventId, page FROM document_events WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY event_id',
    )
    .all(ids) as { documentId: number; eventId: number; page: number | null }[];
  const texts = ctx.db.sqlite
    .prepare("SELECT document_id AS documentId FROM document_contents WHERE document_id IN (SELECT value FROM json_each(?)) AND coalesce(text, '') <> ''")
    .all(ids) as { documentId: number }[];
  const withText = new Set(texts.map((row) => row.documentId));
  const linksOf = new Map<number, { eventId: number; page: number | null }[]>();
  for (const link of links) linksOf.set(link.documentId, [...(linksOf.get(link.documentId) ?? []), { eventId: link.eventId, page: link.page }]);
  return rows.map(({ letterKind, letterTo, letterIeeRequest: _request, ...row }) => {
    const eventLinks = linksOf.get(row.id) ?? [];
    return {
      ...row,
      category: row.category as DocumentCategory,
      eventIds: eventLinks.map((link) => link.eventId),
      eventLinks,
      // A letter is sent once: "Mark as sent" links it to the one event that records it.
      letter: isLetterKind(letterKind) ? { kind: letterKind, to: letterTo, isSent: eventLinks.length > 0 } : null,
      hasText: withText.has(row.id),
    };
  });
}

function isLetterKind(kind: string | null): kind is LetterKindId {
  return kind !== null && (LETTER_KIND_IDS as readonly string[]).includes(kind);
}

export function getDocumentRow(ctx: ServiceContext, id: number): DocumentRow {
  const row = ctx.db.orm.select().from(documentsTable).where(eq(documentsTable.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', 'That document no longer exists.');
  return row;
}

export function getDocumentRecord(ctx: ServiceContext, id: number): DocumentRecord {
  return toDocumentRecords(ctx, [getDocumentRow(ctx, id)])[0]!;
}

/** Events may only be linked to documents of their own case: a binder must not cite another child's records. */
export function assertEventsOfCase(ctx: ServiceContext, caseId: number, eventIds: readonly number[]): void {
  for (const eventId of new Set(eventIds)) {
    const event = ctx.db.orm.select({ caseId: eventsTable.caseId }).from(eventsTable).where(eq(eventsTable.id, eventId)).get();
    if (!event) throw new AppError('VALIDATION', 'A linked timeline entry no longer exists.', { eventIds: 'That timeline entry no longer exists.' });
    if (event.caseId !== caseId) {
      throw new AppError('VALIDATION', 'A document can only be linked to timeline entries of its own case.', {
        eventIds: 'That timeline entry belongs to another case.',
      });
    }
  }
}

const EXTENSION_OF: Record<string, string> = {
  [DOCUMENT_MIME_TYPES.pdf]: '.pdf',
  [DOCUMENT_MIME_TYPES.docx]: '.docx',
  [DOCUMENT_MIME_TYPES.eml]: '.eml',
  [DOCUMENT_MIME_TYPES.msg]: '.msg',
};

/** The stored file's name: its original stem with the extension of what is stored (a PNG became a PDF). */
export function storedFileName(row: Pick<DocumentRow, 'title' | 'originalName' | 'mimeType'>): string {
  const extension = EXTENSION_OF[row.mimeType] ?? '';
  const stem = (row.originalName ?? row.title).replace(/\.[\p{L}\p{N}]{1,8}$/u, '');
  return `${stem}${extension}`;
}
