/**
 * Documents (issue 5): a case's imported files, the mediation binder built from them, letters
 * drafted from the case data, and the advocate's profile that signs letters and binder covers.
 */
import { z } from 'zod';
import { isoDate, recordId, searchText } from '../../domain/common';
import {
  advocateProfile,
  advocateProfileFields,
  binderBuildOptions,
  binderBuildResult,
  binderJobId,
  binderPlan,
  DOCUMENT_CATEGORIES,
  documentContent,
  documentFields,
  documentImportInput,
  documentRecord,
  letterContent,
  letterDraft,
  letterExportResult,
  letterMarkSentInput,
  letterMarkSentResult,
  letterTemplateSummary,
  LETTER_KIND_IDS,
} from '../../domain/documents';
import { method, ok } from '../method';

const documentEventLink = z.strictObject({ documentId: recordId, eventId: recordId });

export const documentMethods = {
  'documents.list': method(
    "A case's documents, newest first; optionally one category, one event's documents, or a text search (title, author, file name, extracted text)",
    z.strictObject({
      caseId: recordId,
      category: z.enum(DOCUMENT_CATEGORIES).optional(),
      eventId: recordId.optional(),
      search: searchText(200).pipe(z.string().trim()).optional(),
    }),
    z.array(documentRecord),
  ),
  'documents.get': method('One document’s metadata', z.strictObject({ id: recordId }), documentRecord),
  'documents.import': method(
    'Import a file (PDF; PNG/JPEG become a PDF page; DOCX and .eml kept as they are). The type is read from the content; encrypted, damaged or oversized files are refused and leave nothing behind.',
    documentImportInput,
    documentRecord,
  ),
  'documents.update': method('Edit a document’s title, date, category or author', z.strictObject({ id: recordId, fields: documentFields }), documentRecord),
  'documents.delete': method('Delete a document and its content', z.strictObject({ id: recordId }), ok),
  'documents.linkEvent': method('Link a document to a timeline event of the same case', documentEventLink, documentRecord),
  'documents.unlinkEvent': method('Unlink a document from a timeline event', documentEventLink, documentRecord),
  'documents.content': method('The stored file, for preview or saving a copy', z.strictObject({ id: recordId }), documentContent),

  'settings.getAdvocateProfile': method('The advocate’s name and contact details (letterhead, binder cover)', z.strictObject({}).optional().default({}), advocateProfile),
  'settings.setAdvocateProfile': method('Save the advocate’s name and contact details', advocateProfileFields, advocateProfile),

  'bundles.binderPlan': method(
    'The binder’s sections with the documents that would go in each, for reordering and including or excluding',
    z.strictObject({ caseId: recordId, options: binderBuildOptions }),
    binderPlan,
  ),
  'bundles.buildBinder': method(
    'Build the mediation binder for a case; the renderer saves the returned PDF where the user picks. Its progress arrives as jobs.progress events with the same jobId.',
    z.strictObject({ caseId: recordId, jobId: binderJobId.optional(), options: binderBuildOptions }),
    binderBuildResult,
  ),

  'letters.templates': method('The letter templates', z.strictObject({}).optional().default({}), z.array(letterTemplateSummary)),
  'letters.draft': method(
    'A letter prefilled from the case data, to edit before export. Fields the case data cannot supply are asked for by name (VALIDATION, fields under options.fields).',
    z.strictObject({
      caseId: recordId,
      kind: z.enum(LETTER_KIND_IDS),
      options: z
        .strictObject({
          date: isoDate.optional(),
          agreementId: recordId.optional(),
          ieeRequestId: recordId.optional(),
          meetingId: recordId.optional(),
          /** Template fields the advocate supplies or overrides (areas, concerns, allegations...). */
          fields: z.record(z.string(), z.unknown()).default({}),
        })
        .default({ fields: {} }),
    }),
    letterDraft,
  ),
  'letters.export': method(
    'Render the edited letter as PDF or DOCX, add it to the case’s documents, and return the file (exporting is not sending: see letters.markSent)',
    z.strictObject({ caseId: recordId, kind: z.enum(LETTER_KIND_IDS), format: z.enum(['pdf', 'docx']), letter: letterContent }),
    letterExportResult,
  ),
  'letters.markSent': method(
    'Record that an exported letter was sent (date, method, to whom): one timeline event, and the clocks that letter starts (records request: the records deadline; IEE request: its tracker entry if none exists)',
    letterMarkSentInput,
    letterMarkSentResult,
  ),
} as const;
