/** The trials.* methods: trial periods with objective data. */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { trialEntry, trialEntryFields, trialFields, trialRecord } from '../../domain/trials';
import { method, ok } from '../method';

export const trialsMethods = {
  'trials.list': method("A case's trials with their data", z.strictObject({ caseId: recordId }), z.array(trialRecord)),
  /** The trials a meeting reviews (linked to it, or unlinked and started by its date): its prep worksheet shows their data. */
  'trials.forMeeting': method('Trials a meeting reviews', z.strictObject({ meetingId: recordId }), z.array(trialRecord)),
  'trials.create': method('Start a trial', z.strictObject({ caseId: recordId, fields: trialFields }), trialRecord),
  'trials.update': method('Edit a trial (its result included)', z.strictObject({ id: recordId, fields: trialFields }), trialRecord),
  'trials.delete': method('Delete a trial and its data', z.strictObject({ id: recordId }), ok),
  'trials.addEntry': method('Add a data entry to a trial', z.strictObject({ trialId: recordId, fields: trialEntryFields }), trialEntry),
  'trials.deleteEntry': method('Delete a trial data entry', z.strictObject({ id: recordId }), ok),
} as const;
