/** A case's documents: import (checked, parsed in the bounded parser process), metadata, event links, content. */
export { importDocument, DEFAULT_IMPORT_LIMITS, type ImportDocumentInput, type ImportLimits } from './import-document';
export { listDocuments, updateDocument, deleteDocument, linkDocumentEvent, unlinkDocumentEvent, documentBytes, getDocumentContent } from './documents-service';
export { getDocumentRecord, storedFileName } from './document-records';
export { getDocumentEmail, importEmailAttachment } from './email-documents';
export { linkedDocumentsOfEvents, type EventDocumentLink } from './event-documents';
export { getAdvocateProfile, setAdvocateProfile, ADVOCATE_PROFILE_KEY } from '../profile/advocate-profile';
export { sniffType, type SniffedType } from './file-types';
export { parseInProcess, DEFAULT_PARSE_LIMITS, type ParseLimits, type ParseOutcome } from './parser-process';
