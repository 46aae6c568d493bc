/** The consents.* methods: the family's answer to each district proposal. */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { consentFields, consentRecord } from '../../domain/consents';
import { method, ok } from '../method';

export const consentsMethods = {
  /** A case's proposals with their consent status and the rule that applies (federal default or state preset). */
  'consents.list': method("A case's consent records", z.strictObject({ caseId: recordId }), z.array(consentRecord)),
  /** Records a proposal and its answer; a consent to evaluate given on a date is the fact the evaluation clock counts from. */
  'consents.create': method('Record a proposal and its consent status', z.strictObject({ caseId: recordId, fields: consentFields }), consentRecord),
  'consents.update': method('Edit a consent record', z.strictObject({ id: recordId, fields: consentFields }), consentRecord),
  'consents.delete': method('Delete a consent record (and the consent fact it made)', z.strictObject({ id: recordId }), ok),
} as const;
