/** Protecting the data: auto-lock, backups, the audit trail, family export/import, retention. */
import { z } from 'zod';
import { emptyInput, recordId } from '../../domain/common';
import {
  auditAnchor,
  auditEntry,
  auditVerification,
  autoLockSettings,
  backupEntry,
  backupSettings,
  retentionFlag,
  retentionSettings,
} from '../../domain/protection';
import { fileRef } from '../file-ref';
import { method } from '../method';
import { passphrase, vaultState } from '../vault-schemas';

export const protectionMethods = {
  /** The idle time and sleep behaviour that lock the vault by themselves. */
  'session.getAutoLock': method('Auto-lock settings', emptyInput, autoLockSettings),
  'session.setAutoLock': method('Change the auto-lock settings', autoLockSettings, autoLockSettings),
  /**
   * The renderer pings this on user input (throttled, e.g. once a minute) so reading a long page
   * does not count as idle. Returns the vault state, so the renderer notices an auto-lock at once
   * and shows the unlock screen, then returns to the same route after unlocking.
   */
  'session.activity': method('The user is active', emptyInput, z.strictObject({ state: vaultState }), false),

  'backups.getSettings': method('Backup folder, generations kept, schedule', emptyInput, backupSettings),
  'backups.setSettings': method('Change the backup settings', backupSettings, backupSettings),
  /** Writes an encrypted, verified backup now into the chosen folder and prunes old ones. */
  'backups.run': method('Back up now', emptyInput, backupEntry),
  /** This vault's backups in the chosen folder, newest first. */
  'backups.list': method('Backups in the backup folder', emptyInput, z.array(backupEntry)),
  /**
   * Restores a backup into a NEW vault file (never over an existing one) after proving it: the
   * passphrase must unlock its key file and its pages must pass the integrity check. Works while
   * locked (the vault in use may be the one that was lost).
   */
  'backups.restore': method(
    'Restore a backup into a new vault file',
    z.union([
      z.strictObject({ backupPath: z.string().trim().min(1).max(4096), targetPath: z.string().trim().min(1).max(4096), passphrase }),
      z.strictObject({
        backupPath: z.string().trim().min(1).max(4096),
        targetPath: z.string().trim().min(1).max(4096),
        recoveryKey: z.string().min(1).max(200),
      }),
    ]),
    z.strictObject({ path: z.string() }),
    false,
  ),

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
   * Everything of one family as a zip (JSON, CSV and the original documents), written where the
   * advocate chooses (save dialog), atomically, and audited once written. The zip is not
   * encrypted: the screen confirms before exporting and says so. A failed write is FILE_WRITE_FAILED.
   */
  'families.export': method(
    'Export a family to a file the user chooses',
    z.strictObject({ id: recordId }),
    z.strictObject({ fileName: z.string(), savedPath: z.string().nullable(), wasCancelled: z.boolean() }),
  ),
  /** Imports a family export (a file by reference: src/shared/api/file-ref.ts) as a new family: all of it or nothing. */
  'families.import': method(
    'Import a family export',
    z.strictObject({ file: fileRef }),
    z.strictObject({ familyId: recordId, counts: z.record(z.string(), z.number().int().nonnegative()) }),
  ),

  'retention.getSettings': method('Retention settings', emptyInput, retentionSettings),
  'retention.setSettings': method('Change the retention settings', retentionSettings, retentionSettings),
  /** Closed cases older than the retention period, for review. Nothing is deleted automatically. */
  'retention.flagged': method('Closed cases due for a retention review', emptyInput, z.array(retentionFlag)),
} as const;
