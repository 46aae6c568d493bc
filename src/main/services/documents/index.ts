/** A case's documents: import (checked, parsed in a worker), metadata, event links, content. */
export { importDocument, DEFAULT_IMPORT_LIMITS, type ImportDocumentInput, type ImportLimits } from './import-document';
export {
  listDocuments,
  updateDocument,
  deleteDocument,
  linkDocumentEvent,
  unlinkDocumentEvent,
  documentBytes,
  getDocumentContent,
} from './documents-service';
export { getDocumentRecord, storedFileName } from './document-records';
export { getAdvocateProfile, setAdvocateProfile, ADVOCATE_PROFILE_KEY } from './advocate-profile';
export { sniffType, type SniffedType } from './file-types';
export { readEmail, type EmailSummary } from './email-message';
