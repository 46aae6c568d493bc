/** The mediation binder and letters built from a case's data (the PDF engine is src/main/pdf). */
export { assembleBinderInput, binderWarnings, type AssembledBinder } from './binder-input';
export { planBinderSections, SECTION_OF_CATEGORY, type PlannedSection } from './binder-plan';
export { binderPlanFor, buildBinderForCase, buildBinderForRenderer, saveBinder, type CaseBinder, type SaveBinderOptions } from './binder-service';
export { draftLetter, letterTemplates } from '../letters/letter-drafts';
export { exportLetter, type ExportedLetter } from '../letters/letter-export';
export { markLetterSent } from './letter-sent';
export { renderLetterDocx } from '../letters/letter-docx';
export { loadCaseFacts, type CaseFacts } from '../cases/case-loader';
export { binderFileName, letterFileName } from './file-names';
