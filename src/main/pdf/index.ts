/**
 * PDF bundles: the mediation binder and letters. Pure engine (pdf-lib and node:*), no Electron, so
 * it runs in the main process, a worker, or plain Node for tests and the benchmark.
 */
export { buildBinder, type BuildBinderOptions } from './binder';
export {
  binderInputSchema,
  DEFAULT_SECTIONS,
  type BinderCase,
  type BinderDocument,
  type BinderIndexEntry,
  type BinderInput,
  type BinderResult,
  type BinderSection,
  type BinderSectionPlacement,
  type BatesOptions,
  type ChronologyRow,
  type ComplianceRow,
  type ContactRow,
  type AgreementSummary,
  type DefaultSection,
  type DefaultSectionId,
  type GeneratedContent,
  type IssueRow,
  type ProgressBlock,
  type ProgressCallback,
  type SkippedDocument,
} from './binder-model';
export { termFigures, type TermFigures } from './compliance-figures';
export { sanitizeFileName } from './file-output';
export {
  buildLetter,
  ieeRequestSchema,
  LETTER_KINDS,
  LETTER_TEMPLATES,
  renderLetterPdf,
  type BuiltLetter,
  type LetterBase,
  type LetterKind,
  type LetterPdfInput,
  type LetterTemplate,
} from './letters';
export { readOutline, writeOutline, type OutlineItem } from './outline';
