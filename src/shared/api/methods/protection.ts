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

/** A backup in the backup folder, by its file name only (no folder part). */
const backupFileName = z.string().trim().min(1).max(255).regex(/^[^/\\]+$/, 'A backup file name, not a path');
/** What `backups.chooseRestoreSource` returned. */
const choiceId = z.string().regex(/^[0-9a-f]{32}$/, 'Choose the backup again');
const recoveryKey = z.string().min(1).max(200);

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
  /** Generations kept and schedule; the folder is chosen with `backups.chooseFolder`, never typed. */
  'backups.setSettings': method('Change the backup settings', backupSettings.omit({ folder: true }), backupSettings),
  /** Main's folder picker chooses the backup folder (a stand-in chooser on the bridge); cancelled leaves it as it was. */
  'backups.chooseFolder': method('Choose the backup folder', emptyInput, z.strictObject({ settings: backupSettings, wasCancelled: z.boolean() })),
  /** Writes an encrypted, verified backup now into the chosen folder and prunes old ones. */
  'backups.run': method('Back up now', emptyInput, backupEntry),
  /** This vault's backups in the chosen folder, newest first. */
  'backups.list': method('Backups in the backup folder', emptyInput, z.array(backupEntry)),
  /**
   * Main's open dialog picks a backup file to restore (a stand-in chooser on the bridge). Returns an
   * opaque id for `backups.restore`, so the renderer never names a path. Works while locked.
   */
  'backups.chooseRestoreSource': method(
    'Choose a backup file to restore',
    emptyInput,
    z.strictObject({ choiceId: z.string().nullable(), fileName: z.string().nullable(), wasCancelled: z.boolean() }),
    false,
  ),
  /**
   * Restores a backup into a NEW vault file (never over an existing one) after proving it: the
   * passphrase must unlock its key file and its pages must pass the integrity check; only then does
   * main's save dialog ask where the new file goes. The backup is one from the backup folder (by
   * file name) or one chosen with `backups.chooseRestoreSource`. Works while locked (by choice id).
   */
  'backups.restore': method(
    'Restore a backup into a new vault file',
    z.union([
      z.strictObject({ backupFileName, passphrase }),
      z.strictObject({ backupFileName, recoveryKey }),
      z.strictObject({ choiceId, passphrase }),
      z.strictObject({ choiceId, recoveryKey }),
    ]),
    /** `choiceId` opens the restored vault with `vault.use`; both null when the save dialog was cancelled. */
    z.strictObject({ path: z.string().nullable(), choiceId: z.string().nullable(), wasCancelled: z.boolean() }),
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
   * Writes the current chain head (the line `cli audit-verify --head` prints) to a text file the
   * advocate chooses with the save dialog, to keep outside this computer as an anchor.
   */
  'audit.exportHead': method(
    'Save the audit chain head to a file',
    emptyInput,
    z.strictObject({ fileName: z.string(), savedPath: z.string().nullable(), wasCancelled: z.boolean() }),
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
