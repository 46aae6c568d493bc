/**
 * Documents (issue 5): a case's imported files, the mediation binder built from them, letters
 * drafted from the case data, and the advocate's profile that signs letters and binder covers.
 */
import { z } from 'zod';
import { recordId, searchText } from '../../domain/common';
import { DOCUMENT_CATEGORIES, documentContent, documentEmail, documentFields, documentImportInput, documentPage, documentRecord } from '../../domain/documents';
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
    'Import a file (PDF; PNG/JPEG become a PDF page; DOCX, .eml and Outlook .msg kept as they are, with PDF pages made once beside them). The type is read from the content; encrypted, damaged or oversized files are refused and leave nothing behind.',
    documentImportInput,
    documentRecord,
  ),
  'documents.update': method('Edit a document’s title, date, category or author', z.strictObject({ id: recordId, fields: documentFields }), documentRecord),
  'documents.delete': method('Delete a document and its content', z.strictObject({ id: recordId }), ok),
  'documents.linkEvent': method(
    'Link a document to a timeline event of the same case, optionally at the page that shows the fact (a pin cite: "P-7 at 3"); linking again sets or clears the page',
    documentEventLink.extend({ page: documentPage.nullable().optional() }),
    documentRecord,
  ),
  'documents.unlinkEvent': method('Unlink a document from a timeline event', documentEventLink, documentRecord),
  'documents.email': method(
    'An e-mail document (.eml or .msg) as the bounded parser process reads it: headers, plain-text body and its attachments',
    z.strictObject({ id: recordId }),
    documentEmail,
  ),
  'documents.importAttachment': method(
    'Import one attachment of an e-mail document as a document of its own, linked to the e-mail; the same checks as any import (type from the content, size, parser limits)',
    z.strictObject({
      documentId: recordId,
      index: z.number().int().min(0).max(199),
      category: z.enum(DOCUMENT_CATEGORIES).optional(),
    }),
    documentRecord,
  ),
  'documents.content': method('The stored file, for preview or saving a copy', z.strictObject({ id: recordId }), documentContent),
} as const;
