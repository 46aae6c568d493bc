/**
 * E-mail documents (.eml, Outlook .msg) read again from the vault by the bounded parser process:
 * the preview's headers and text, and each attachment imported as a document of its own.
 */
import { eq } from 'drizzle-orm';
import type { ParsedInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import { DOCUMENT_MIME_TYPES, type DocumentCategory, type DocumentEmail, type DocumentRecord } from '@shared/domain/documents';
import { documentsTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import { documentBytes } from './documents-service';
import { importDocument, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-document';
import { parseInProcess } from './parser-process';

function emailTask(mimeType: string): 'eml' | 'msg' {
  if (mimeType === DOCUMENT_MIME_TYPES.eml) return 'eml';
  if (mimeType === DOCUMENT_MIME_TYPES.msg) return 'msg';
  throw new AppError('VALIDATION', 'That document is not an e-mail.');
}

/** The stored e-mail as the one e-mail parser reads it, with which attachments are already documents of the case. */
export async function getDocumentEmail(ctx: ServiceContext, id: number, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<DocumentEmail> {
  const { row, bytes } = documentBytes(ctx, id);
  const outcome = await parseInProcess(emailTask(row.mimeType), bytes, limits);
  if (!outcome.ok) throw new AppError('VALIDATION', outcome.message);
  if (!outcome.email) throw new AppError('VALIDATION', 'The e-mail could not be read.');
  const hashes = new Map(
    ctx.db.orm
      .select({ id: documentsTable.id, sha256: documentsTable.sha256 })
      .from(documentsTable)
      .where(eq(documentsTable.caseId, row.caseId))
      .all()
      .map((document) => [document.sha256, document.id]),
  );
  const { attachments, ...email } = outcome.email;
  return {
    ...email,
    attachments: attachments.map(({ sha256, ...attachment }, index) => ({ ...attachment, index, documentId: hashes.get(sha256) ?? null })),
  };
}

/** A first category for an attachment from its name (a district's e-mail usually carries a notice, an evaluation or an IEP). */
function categoryOf(fileName: string): DocumentCategory {
  if (/\biep\b/i.test(fileName)) return 'iep';
  if (/eval|assessment|psych/i.test(fileName)) return 'evaluation';
  if (/progress/i.test(fileName)) return 'progress_report';
  if (/notice|pwn|prior written/i.test(fileName)) return 'notice';
  if (/agreement|settlement/i.test(fileName)) return 'agreement';
  if (/\.(eml|msg)$/i.test(fileName)) return 'communication';
  return 'other';
}

/**
 * One attachment of an e-mail document, imported as a document of the same case with every check
 * an import has (type from the content, size, the parser's limits), dated like the e-mail and
 * linked to it. The same attachment twice is refused as a duplicate, like any file.
 */
export async function importEmailAttachment(
  ctx: ServiceContext,
  input: ParsedInput<'documents.importAttachment'>,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<DocumentRecord> {
  const { row, bytes } = documentBytes(ctx, input.documentId);
  const outcome = await parseInProcess(emailTask(row.mimeType), bytes, limits, { attachmentIndex: input.index });
  if (!outcome.ok) throw new AppError('VALIDATION', outcome.message);
  if (!outcome.attachment) throw new AppError('VALIDATION', 'The attachment could not be read.');
  const { fileName } = outcome.attachment;
  return importDocument(
    ctx,
    {
      caseId: row.caseId,
      fileName,
      bytes: outcome.attachment.bytes,
      documentDate: row.documentDate,
      category: input.category ?? categoryOf(fileName),
      author: row.author,
      parentDocumentId: row.id,
    },
    limits,
  );
}
