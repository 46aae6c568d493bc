/** The mediation binder and letters built from a case's data (the PDF engine is src/main/bundles). */
export { assembleBinderInput, binderWarnings, type AssembledBinder } from './binder-input';
export { planBinderSections, SECTION_OF_CATEGORY, type PlannedSection } from './binder-plan';
export { binderPlanFor, buildBinderForCase, buildBinderForRenderer, saveBinder, type CaseBinder, type SaveBinderOptions } from './binder-service';
export { draftLetter, letterTemplates } from './letter-drafts';
export { exportLetter, type ExportedLetter } from './letter-export';
export { markLetterSent } from './letter-sent';
export { renderLetterDocx } from './letter-docx';
export { loadCaseFacts, type CaseFacts } from '../cases/case-loader';
export { binderFileName, letterFileName } from './file-names';
