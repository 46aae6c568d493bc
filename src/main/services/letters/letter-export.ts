import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { LetterContent, LetterKindId } from '@shared/domain/documents';
import { DOCUMENT_MIME_TYPES } from '@shared/domain/documents';
import { LETTER_TEMPLATES, renderLetterPdf } from '../../pdf';
import { documentContentsTable, documentsTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { loadCaseFacts } from '../cases/case-loader';
import { letterFileName } from '../bundles/file-names';
import { renderLetterDocx } from './letter-docx';

export interface ExportedLetter {
  documentId: number;
  fileName: string;
  mimeType: string;
  base64: string;
}

function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/**
 * Renders the edited letter (PDF or DOCX) and files it with the case as a 'communication'
 * document, with its audit rows, in one transaction. Exporting is not sending: the timeline event
 * (and the clocks a letter starts) come from "Mark as sent" (letter-sent.ts), once.
 */
export async function exportLetter(
  ctx: ServiceContext,
  input: {
    caseId: number;
    kind: LetterKindId;
    format: 'pdf' | 'docx';
    letter: LetterContent;
    ieeRequest?: { disputedEvaluation: string; disputedEvaluationOn?: string; areas: string[] };
  },
): Promise<ExportedLetter> {
  const { letter } = input;
  const facts = loadCaseFacts(ctx, input.caseId);
  const template = LETTER_TEMPLATES[input.kind];
  const isPdf = input.format === 'pdf';
  const bytes = isPdf ? await renderLetterPdf({ ...letter, ...(letter.cc.length > 0 ? { cc: letter.cc } : {}) }) : await renderLetterDocx(letter);
  const pageCount = isPdf ? (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount() : null;
  const mimeType = isPdf ? DOCUMENT_MIME_TYPES.pdf : DOCUMENT_MIME_TYPES.docx;
  const fileName = letterFileName(facts, letter.date, template.title, input.format);

  const ids = ctx.db.sqlite.transaction(() => {
    const familyId = familyOfCase(ctx, input.caseId);
    const document = ctx.db.orm
      .insert(documentsTable)
      .values({
        caseId: input.caseId,
        title: clip(letter.subject, 300),
        documentDate: letter.date,
        category: 'communication',
        author: clip(letter.from.name, 200),
        mimeType,
        originalName: fileName,
        sizeBytes: bytes.byteLength,
        pageCount,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        // What "Mark as sent" needs later, after the editor is closed (from the Documents tab).
        letterKind: input.kind,
        letterTo: clip([letter.to.name, letter.to.title].filter(Boolean).join(', '), 300),
        letterIeeRequest: input.kind === 'iee_request' ? (input.ieeRequest ?? null) : null,
      })
      .returning({ id: documentsTable.id })
      .get();
    ctx.db.orm
      .insert(documentContentsTable)
      .values({ documentId: document.id, content: Buffer.from(bytes), text: [letter.subject, ...letter.paragraphs].join('\n\n') })
      .run();
    const now = ctx.now();
    recordAudit(ctx.db, { action: 'create', entity: 'document', entityId: document.id, familyId, detail: `letter=${input.kind};format=${input.format}` }, now);
    recordAudit(ctx.db, { action: 'export', entity: 'letter', entityId: document.id, familyId, detail: `kind=${input.kind};format=${input.format}` }, now);
    return { documentId: document.id };
  })();
  return { ...ids, fileName, mimeType, base64: Buffer.from(bytes).toString('base64') };
}
