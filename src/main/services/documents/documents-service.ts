import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import { formatCount } from '@shared/format';
import type { DocumentRecord } from '@shared/domain/documents';
import { documentContentsTable, documentEventsTable, documentsTable, type DocumentRow } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { assertEventsOfCase, getDocumentRecord, getDocumentRow, storedFileName, toDocumentRecords } from './document-records';

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** Newest first by the document's own date (the date it was received when it has none). */
export function listDocuments(ctx: ServiceContext, input: ParsedInput<'documents.list'>): DocumentRecord[] {
  getCaseRow(ctx, input.caseId);
  const where = ['d.case_id = ?'];
  const params: (string | number)[] = [input.caseId];
  if (input.category) {
    where.push('d.category = ?');
    params.push(input.category);
  }
  if (input.eventId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM document_events de WHERE de.document_id = d.id AND de.event_id = ?)');
    params.push(input.eventId);
  }
  if (input.search) {
    const pattern = likePattern(input.search);
    where.push(`(d.title LIKE ? ESCAPE '\\' OR d.author LIKE ? ESCAPE '\\' OR d.original_name LIKE ? ESCAPE '\\' OR c.text LIKE ? ESCAPE '\\')`);
    params.push(pattern, pattern, pattern, pattern);
  }
  const ids = ctx.db.sqlite
    .prepare(
      `SELECT d.id FROM documents d LEFT JOIN document_contents c ON c.document_id = d.id
        WHERE ${where.join(' AND ')}
        ORDER BY coalesce(d.document_date, substr(d.created_at, 1, 10)) DESC, d.id DESC`,
    )
    .all(...params) as { id: number }[];
  if (ids.length === 0) return [];
  const byId = new Map(
    ctx.db.orm
      .select()
      .from(documentsTable)
      .where(eq(documentsTable.caseId, input.caseId))
      .all()
      .map((row) => [row.id, row]),
  );
  return toDocumentRecords(
    ctx,
    ids.map((row) => byId.get(row.id)).filter((row): row is DocumentRow => row !== undefined),
  );
}

export function updateDocument(ctx: ServiceContext, input: ParsedInput<'documents.update'>): DocumentRecord {
  ctx.db.sqlite.transaction(() => {
    const row = getDocumentRow(ctx, input.id);
    const familyId = familyOfCase(ctx, row.caseId);
    ctx.db.orm.update(documentsTable).set(input.fields).where(eq(documentsTable.id, input.id)).run();
    recordAudit(ctx.db, { action: 'update', entity: 'document', entityId: input.id, familyId }, ctx.now());
  })();
  return getDocumentRecord(ctx, input.id);
}

/** Deletes metadata, content and links together; secure_delete zeroes the freed pages. */
export function deleteDocument(ctx: ServiceContext, id: number): { ok: true } {
  ctx.db.sqlite.transaction(() => {
    const row = getDocumentRow(ctx, id);
    const familyId = familyOfCase(ctx, row.caseId);
    ctx.db.orm.delete(documentsTable).where(eq(documentsTable.id, id)).run();
    recordAudit(ctx.db, { action: 'delete', entity: 'document', entityId: id, familyId }, ctx.now());
  })();
  return { ok: true };
}

export function linkDocumentEvent(ctx: ServiceContext, input: ParsedInput<'documents.linkEvent'>): DocumentRecord {
  ctx.db.sqlite.transaction(() => {
    const row = getDocumentRow(ctx, input.documentId);
    assertEventsOfCase(ctx, row.caseId, [input.eventId]);
    if (input.page != null && row.pageCount !== null && input.page > row.pageCount) {
      const pages = formatCount(row.pageCount, 'page');
      throw new AppError('VALIDATION', `“${row.title}” has ${pages}: cite a page from 1 to ${row.pageCount}.`, { page: `1 to ${row.pageCount}` });
    }
    // Linking again sets the page (or, with page null, clears it); without page the link keeps its page.
    const values = { documentId: input.documentId, eventId: input.eventId, page: input.page ?? null };
    const result =
      input.page === undefined
        ? ctx.db.orm.insert(documentEventsTable).values(values).onConflictDoNothing().run()
        : ctx.db.orm
            .insert(documentEventsTable)
            .values(values)
            .onConflictDoUpdate({ target: [documentEventsTable.documentId, documentEventsTable.eventId], set: { page: values.page } })
            .run();
    if (result.changes > 0) {
      const familyId = familyOfCase(ctx, row.caseId);
      const detail = `event=${input.eventId}${input.page != null ? `;page=${input.page}` : ''}`;
      recordAudit(ctx.db, { action: 'link', entity: 'document', entityId: row.id, familyId, detail }, ctx.now());
    }
  })();
  return getDocumentRecord(ctx, input.documentId);
}

export function unlinkDocumentEvent(ctx: ServiceContext, input: ParsedInput<'documents.unlinkEvent'>): DocumentRecord {
  ctx.db.sqlite.transaction(() => {
    const row = getDocumentRow(ctx, input.documentId);
    const result = ctx.db.orm
      .delete(documentEventsTable)
      .where(and(eq(documentEventsTable.documentId, input.documentId), eq(documentEventsTable.eventId, input.eventId)))
      .run();
    if (result.changes > 0) {
      const familyId = familyOfCase(ctx, row.caseId);
      recordAudit(ctx.db, { action: 'unlink', entity: 'document', entityId: row.id, familyId, detail: `event=${input.eventId}` }, ctx.now());
    }
  })();
  return getDocumentRecord(ctx, input.documentId);
}

/** The stored bytes, for the in-app preview (a blob URL) or saving a copy. */
export function documentBytes(ctx: ServiceContext, id: number): { row: DocumentRow; bytes: Buffer } {
  const row = getDocumentRow(ctx, id);
  const content = ctx.db.orm
    .select({ content: documentContentsTable.content })
    .from(documentContentsTable)
    .where(eq(documentContentsTable.documentId, id))
    .get();
  if (!content) throw new AppError('NOT_FOUND', 'The file of this document is missing from the vault.');
  return { row, bytes: content.content };
}

export function getDocumentContent(ctx: ServiceContext, id: number): { fileName: string; mimeType: string; base64: string } {
  const { row, bytes } = documentBytes(ctx, id);
  return { fileName: storedFileName(row), mimeType: row.mimeType, base64: Buffer.from(bytes).toString('base64') };
}
