/** The ieps.* methods: IEP documents (the IEP meeting fact's own record), measurable goals, progress data. */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { goalFields, goalRecord, iepCandidate, iepFields, iepRecord, progressEntry, progressFields, progressImportPreview } from '../../domain/ieps';
import { fileRef } from '../file-ref';
import { method, ok } from '../method';

export const iepsMethods = {
  /** A case's IEPs, newest meeting first, each with its goals, progress and the "progressing but flat" check. */
  'ieps.list': method("A case's IEPs with goals and progress", z.strictObject({ caseId: recordId }), z.array(iepRecord)),
  /** IEP meeting facts of the case (initial, annual, reevaluation, amendment) with no IEP record yet. */
  'ieps.candidates': method('IEP meetings without an IEP record', z.strictObject({ caseId: recordId }), z.array(iepCandidate)),
  /** Attach an IEP to its IEP meeting fact (one IEP per fact: the same record the annual review counts from). */
  'ieps.create': method('Record the IEP of an IEP meeting', z.strictObject({ eventId: recordId, fields: iepFields }), iepRecord),
  'ieps.update': method("Edit an IEP's dates, accommodations and services link", z.strictObject({ id: recordId, fields: iepFields }), iepRecord),
  'ieps.delete': method('Delete an IEP record (its goals and progress go with it; the meeting fact stays)', z.strictObject({ id: recordId }), ok),
  'ieps.createGoal': method('Add a measurable goal to an IEP', z.strictObject({ iepId: recordId, fields: goalFields }), goalRecord),
  'ieps.updateGoal': method('Edit a goal', z.strictObject({ id: recordId, fields: goalFields }), goalRecord),
  'ieps.deleteGoal': method('Delete a goal and its progress entries', z.strictObject({ id: recordId }), ok),
  'ieps.addProgress': method('Add a progress entry to a goal', z.strictObject({ goalId: recordId, fields: progressFields }), progressEntry),
  'ieps.deleteProgress': method('Delete a progress entry', z.strictObject({ id: recordId }), ok),
  /** Reads a progress CSV (date, value, rating, note) without writing: the rows and every unreadable line. */
  'ieps.previewProgressImport': method('Preview a progress data CSV', z.strictObject({ goalId: recordId, file: fileRef }), progressImportPreview),
  /** Imports a progress CSV all or nothing, with one source for every row. */
  'ieps.importProgress': method(
    'Import a progress data CSV',
    z.strictObject({ goalId: recordId, file: fileRef, source: progressFields.shape.source }),
    z.object({ importedCount: z.number().int() }),
  ),
} as const;
