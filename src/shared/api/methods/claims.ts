/** The claims.* methods. */

import { method, ok } from '../method';
import { z } from 'zod';
import { recordId, isoDate } from '../../domain/common';
import { claimRecord, claimFields, CLAIM_FORUMS } from '../../domain/deadline-entities';

export const claimsMethods = {
  /** The issues in dispute on a case, each with its two filing limits. */
  'claims.list': method("A case's claims with their filing limits", z.strictObject({ caseId: recordId }), z.array(claimRecord)),
  'claims.create': method('Add a claim (an issue in dispute) to a case', z.strictObject({ caseId: recordId, fields: claimFields }), claimRecord),
  'claims.update': method('Edit a claim', z.strictObject({ id: recordId, fields: claimFields }), claimRecord),
  /**
   * Records the claim as filed in one forum on a date (today or earlier): the fact that closes that
   * forum's filing limit (a state complaint closes 300.153(c), a due process complaint 300.507(a)(2)),
   * and only that one.
   */
  'claims.recordFiled': method(
    'Record a claim as filed in a state complaint or a due process complaint',
    z.strictObject({ id: recordId, forum: z.enum(CLAIM_FORUMS), filedOn: isoDate }),
    claimRecord,
  ),
  'claims.delete': method('Delete a claim', z.strictObject({ id: recordId }), ok),
} as const;
