/** The backups.* methods. */

import { method } from '../method';
import { emptyInput } from '../../domain/common';
import { backupSettings, backupEntry } from '../../domain/protection';
import { z } from 'zod';
import { passphrase } from '../vault-schemas';

/** A backup in the backup folder, by its file name only (no folder part). */
const backupFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+$/, 'A backup file name, not a path');

/** What `backups.chooseRestoreSource` returned. */
const choiceId = z.string().regex(/^[0-9a-f]{32}$/, 'Choose the backup again');

const recoveryKey = z.string().min(1).max(200);

export const backupsMethods = {
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
} as const;
