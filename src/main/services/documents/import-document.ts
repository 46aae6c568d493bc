import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import { DOCUMENT_MAX_BYTES, DOCUMENT_MIME_TYPES, type DocumentCategory, type DocumentRecord } from '@shared/domain/documents';
import { documentContentsTable, documentEventsTable, documentsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase, getCaseRow } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { assertEventsOfCase, getDocumentRecord } from './document-records';
import { MAX_IMAGE_PIXELS, pngDimensions, sniffType, UNSUPPORTED_TYPE_MESSAGE } from './file-types';
import { DEFAULT_PARSE_LIMITS, parseInProcess, type ParseLimits } from './parser-process';
import { renderDocxPdf } from '../../pdf/docx-pdf';
import { renderEmailPdf } from '../../pdf/email-pdf';

export interface ImportDocumentInput {
  caseId: number;
  fileName: string;
  bytes: Uint8Array;
  title?: string | null;
  documentDate?: string | null;
  category: DocumentCategory;
  author?: string | null;
  eventIds?: readonly number[];
  /** The e-mail document this file was attached to (same case). */
  parentDocumentId?: number | null;
}

export interface ImportLimits extends ParseLimits {
  maxBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { ...DEFAULT_PARSE_LIMITS, maxBytes: DOCUMENT_MAX_BYTES };

interface Prepared {
  content: Uint8Array;
  /** PDF pages made from a non-PDF original (an e-mail), stored beside it. */
  rendition?: Uint8Array;
  defaultAuthor?: string | null;
  mimeType: string;
  pageCount: number | null;
  text: string;
  defaultTitle: string | null;
  defaultDate: string | null;
}

function refuse(message: string): never {
  throw new AppError('VALIDATION', message, { file: message });
}

/** Rounded up, so a file just over the limit never reads as equal to it. */
function formatMegabytes(bytes: number): string {
  return `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Reads what the file is and turns it into what the vault stores; refuses anything else with a reason. */
async function prepare(bytes: Uint8Array, limits: ImportLimits): Promise<Prepared> {
  const type = sniffType(bytes);
  // Office's legacy and password-protected files are OLE compound files like .msg: the parser process refuses them with a reason.
  if (type === null) refuse(UNSUPPORTED_TYPE_MESSAGE);
  if (type === 'png') {
    const size = pngDimensions(bytes);
    if (!size) refuse('The image is damaged and could not be read (no PNG header).');
    if (size.width * size.height > MAX_IMAGE_PIXELS) {
      refuse(`The image is too large (${size.width} × ${size.height} pixels). Save a smaller copy, under 40 megapixels, and import that.`);
    }
  }
  // Every parser runs in the bounded parser process; main only reads magic numbers and PNG's header.
  const outcome = await parseInProcess(type, bytes, limits);
  if (!outcome.ok) refuse(outcome.message);
  if (type === 'eml' || type === 'msg') {
    const email = outcome.email;
    // Pages made once, at import, from what the parser process extracted: the binder's exhibit.
    const rendition = email ? await renderEmailPdf(email) : null;
    return {
      content: bytes,
      ...(rendition ? { rendition: rendition.bytes } : {}),
      mimeType: DOCUMENT_MIME_TYPES[type],
      pageCount: rendition?.pageCount ?? null,
      text: outcome.text,
      defaultTitle: email?.subject ?? null,
      defaultDate: email?.date ?? null,
      defaultAuthor: email?.from ?? null,
    };
  }
  if (type === 'docx') {
    // Converted once, at import; the original is kept as received and the pages stored beside it.
    const rendition = outcome.docx ? await renderDocxPdf(outcome.docx.blocks, 'Word document') : null;
    return {
      content: bytes,
      ...(rendition ? { rendition: rendition.bytes } : {}),
      mimeType: DOCUMENT_MIME_TYPES.docx,
      pageCount: rendition?.pageCount ?? null,
      text: outcome.text,
      defaultTitle: null,
      defaultDate: null,
    };
  }
  // PNG and JPEG arrive as a one-page PDF, so every image can go into a binder as an exhibit.
  const content = outcome.pdfBytes ?? bytes;
  return { content, mimeType: DOCUMENT_MIME_TYPES.pdf, pageCount: outcome.pageCount, text: outcome.text, defaultTitle: null, defaultDate: null };
}

function titleFromFileName(fileName: string): string {
  const stem = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[\p{L}\p{N}]{1,8}$/u, '')
    .trim();
  return (stem || 'Untitled document').slice(0, 300);
}

/**
 * Imports one file into a case. The file is untrusted (districts send scans, exports, forwarded
 * mail): its type is read from its bytes, its size capped, PDFs are checked (encrypted and
 * unreadable ones refused) and their text extracted in the parser process (time limit, memory watchdog), images become
 * a one-page PDF. Only then is anything written: metadata, content (inside the encrypted vault;
 * no temp file ever touches the disk), event links and the audit row, in one transaction, so a
 * failed import leaves nothing behind.
 */
export async function importDocument(ctx: ServiceContext, input: ImportDocumentInput, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<DocumentRecord> {
  const bytes = input.bytes;
  if (bytes.byteLength === 0) refuse('The file is empty.');
  if (bytes.byteLength > limits.maxBytes) {
    refuse(
      `The file is ${formatMegabytes(bytes.byteLength)}, over the ${formatMegabytes(limits.maxBytes)} limit. Split it or save a smaller copy, and import that.`,
    );
  }
  getCaseRow(ctx, input.caseId);
  const eventIds = [...new Set(input.eventIds ?? [])];
  assertEventsOfCase(ctx, input.caseId, eventIds);

  // The hash is of the file as received, so the same district email imported twice is recognised.
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const duplicate = ctx.db.orm
    .select({ title: documentsTable.title })
    .from(documentsTable)
    .where(and(eq(documentsTable.caseId, input.caseId), eq(documentsTable.sha256, sha256)))
    .get();
  if (duplicate) throw new AppError('CONFLICT', `This file is already in the case, as “${duplicate.title}”.`);

  const prepared = await prepare(bytes, limits);
  const id = ctx.db.sqlite.transaction(() => {
    // Checked again inside the transaction: the case or an event may have gone while the worker ran.
    const familyId = familyOfCase(ctx, input.caseId);
    assertEventsOfCase(ctx, input.caseId, eventIds);
    const row = ctx.db.orm
      .insert(documentsTable)
      .values({
        caseId: input.caseId,
        title: input.title?.trim() || prepared.defaultTitle?.slice(0, 300) || titleFromFileName(input.fileName),
        documentDate: input.documentDate || prepared.defaultDate,
        category: input.category,
        author: input.author?.trim() || prepared.defaultAuthor?.slice(0, 200) || null,
        mimeType: prepared.mimeType,
        originalName: input.fileName.replace(/^.*[\\/]/, '').slice(0, 255),
        sizeBytes: prepared.content.byteLength,
        pageCount: prepared.pageCount,
        sha256,
        parentDocumentId: input.parentDocumentId ?? null,
      })
      .returning({ id: documentsTable.id })
      .get();
    ctx.db.orm
      .insert(documentContentsTable)
      .values({
        documentId: row.id,
        content: Buffer.from(prepared.content.buffer, prepared.content.byteOffset, prepared.content.byteLength),
        text: prepared.text || null,
        pdfRendition: prepared.rendition ? Buffer.from(prepared.rendition.buffer, prepared.rendition.byteOffset, prepared.rendition.byteLength) : null,
      })
      .run();
    for (const eventId of eventIds) ctx.db.orm.insert(documentEventsTable).values({ documentId: row.id, eventId }).run();
    const detail = `type=${prepared.mimeType.split('/')[1]?.slice(0, 40)};pages=${prepared.pageCount ?? 0};events=${eventIds.length}${input.parentDocumentId ? `;parent=${input.parentDocumentId}` : ''}`;
    recordAudit(ctx.db, { action: 'create', entity: 'document', entityId: row.id, familyId, detail }, ctx.now());
    return row.id;
  })();
  return getDocumentRecord(ctx, id);
}
