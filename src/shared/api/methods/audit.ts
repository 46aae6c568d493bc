/** The audit.* methods. */

import { method } from '../method';
import { z } from 'zod';
import { recordId, emptyInput } from '../../domain/common';
import { auditEntry, auditAnchor, auditVerification } from '../../domain/protection';

export const auditMethods = {
  /** The audit trail, newest first, by pages; ids and action names only. */
  'audit.list': method(
    'Audit trail entries',
    z.strictObject({
      familyId: recordId.optional(),
      beforeId: recordId.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.strictObject({ entries: z.array(auditEntry), hasMore: z.boolean() }),
  ),
  /**
   * Re-computes the hash chain, checks the audit schema, and compares the chain with every anchor
   * it can find (backup manifests) plus the exported heads given here; names the first disagreement.
   */
  'audit.verify': method(
    'Check the audit trail has not been altered',
    z.strictObject({ anchors: z.array(auditAnchor).max(100).optional() }),
    auditVerification,
  ),
  /**
   * Writes the current chain head (the line `cli audit-verify --head` prints) to a text file the
   * advocate chooses with the save dialog, to keep outside this computer as an anchor.
   */
  'audit.exportHead': method(
    'Save the audit chain head to a file',
    emptyInput,
    z.strictObject({ fileName: z.string(), savedPath: z.string().nullable(), wasCancelled: z.boolean() }),
  ),
} as const;
