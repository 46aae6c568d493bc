/**
 * Documents (issue 5): a case's imported files, the mediation binder built from them, letters
 * drafted from the case data, and the advocate's profile that signs letters and binder covers.
 */
import { z } from 'zod';
import { recordId, searchText } from '../../domain/common';
import { DOCUMENT_CATEGORIES, documentContent, documentFields, documentImportInput, documentRecord } from '../../domain/documents';
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
} as const;
