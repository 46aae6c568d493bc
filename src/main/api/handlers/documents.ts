import { AppError } from '@shared/api/errors';
import type { documentMethods } from '@shared/api/methods/documents';
import {
  deleteDocument,
  getDocumentContent,
  getDocumentEmail,
  importEmailAttachment,
  getDocumentRecord,
  importDocument,
  linkDocumentEvent,
  listDocuments,
  unlinkDocumentEvent,
  updateDocument,
} from '../../services/documents';
import { importFileName, readImportFile } from '../../services/files/read-import';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

export const documentHandlers = {
  'documents.list': (input, ctx) => listDocuments(services(ctx), input),
  'documents.get': (input, ctx) => getDocumentRecord(services(ctx), input.id),
  // The service process reads the file itself (by choice id, dropped path or upload id), within the document limit.
  'documents.import': async (input, ctx) => {
    const { file, fileName, ...rest } = input;
    const name = fileName ?? importFileName(file);
    if (!name) throw new AppError('VALIDATION', 'Give the file’s name with an uploaded file.', { fileName: 'Required with an upload' });
    const bytes = await readImportFile(file, 'document', ctx.uploadsDir);
    return importDocument(services(ctx), { ...rest, fileName: name, bytes });
  },
  'documents.update': (input, ctx) => updateDocument(services(ctx), input),
  'documents.delete': (input, ctx) => deleteDocument(services(ctx), input.id),
  'documents.linkEvent': (input, ctx) => linkDocumentEvent(services(ctx), input),
  'documents.unlinkEvent': (input, ctx) => unlinkDocumentEvent(services(ctx), input),
  'documents.email': (input, ctx) => getDocumentEmail(services(ctx), input.id),
  'documents.importAttachment': (input, ctx) => importEmailAttachment(services(ctx), input),
  'documents.content': (input, ctx) => getDocumentContent(services(ctx), input.id),
} satisfies DomainHandlers<keyof typeof documentMethods, AppContext>;
