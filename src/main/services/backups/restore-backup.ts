import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { AppError } from '@shared/api/errors';
import { ensurePrivateDir, writeFileAtomically } from '../../lib/atomic-file';
import { parseKeyEnvelope, unwrapWithPassphrase, unwrapWithRecoveryKey } from '../../vault/key-envelope';
import { throttleForVaultId, type UnlockThrottle } from '../../vault/unlock-throttle';
import { keysPathFor, type Unlock } from '../../vault/vault-manager';
import { openVerified } from './backup-service';

/**
 * `targetPath` is a path (the CLI, tests) or main's save dialog, asked only once the backup has been
 * proven (a wrong passphrase never opens a dialog); null from the dialog means cancelled.
 */
export type RestoreInput = { backupPath: string; targetPath: string | (() => Promise<string | null>) } & Unlock;

function assertFree(targetPath: string): void {
  if (existsSync(targetPath) || existsSync(keysPathFor(targetPath))) {
    throw new AppError('VAULT_EXISTS', 'A vault already exists at the chosen location. Choose a new file name for the restored vault.');
  }
}

/**
 * Restores a backup into a NEW vault file; it never overwrites anything, so the vault in use (and
 * any other file) stays as it is until the advocate chooses to open the restored one.
 *
 * The backup is proven before a byte is written: its key file must unlock with the passphrase (or
 * recovery key) and its pages must decrypt and pass quick_check. The copy is then checked again
 * (the bytes actually written) before it is renamed into place, key file first.
 */
/**
 * `throttleFor` gives the backoff for the backup's own vault id (read from its key file): guesses
 * at one vault's backups count against that vault, never against whichever vault is open. Without
 * one (the CLI, tests), the counter for that id lives in the backup's folder.
 */
export async function restoreBackup(
  input: RestoreInput,
  throttleFor: (vaultId: string) => UnlockThrottle = (vaultId) => throttleForVaultId(dirname(input.backupPath), vaultId, () => new Date()),
): Promise<{ path: string | null }> {
  const { backupPath } = input;
  if (!isAbsolute(backupPath) || (typeof input.targetPath === 'string' && !isAbsolute(input.targetPath))) {
    throw new AppError('VALIDATION', 'Choose the backup and the new vault file with the file pickers (full paths).');
  }
  if (!existsSync(backupPath)) throw new AppError('NOT_FOUND', 'That backup file does not exist.');
  const backupKeys = keysPathFor(backupPath);
  if (!existsSync(backupKeys)) {
    throw new AppError('VAULT_DAMAGED', `The key file that belongs beside this backup (${basename(backupKeys)}) is missing, so it cannot be opened.`);
  }
  if (typeof input.targetPath === 'string') assertFree(input.targetPath);
  const keysBytes = readFileSync(backupKeys);
  const envelope = parseKeyEnvelope(keysBytes.toString('utf8'));
  // A restore takes a passphrase too: the same backoff as unlocking, or it would be a free guessing door.
  const dataKey = await throttleFor(envelope.vaultId).attempt(() =>
    'passphrase' in input ? unwrapWithPassphrase(envelope, input.passphrase) : unwrapWithRecoveryKey(envelope, input.recoveryKey),
  );
  let targetPath: string | null;
  try {
    openVerified(backupPath, dataKey).close();
    targetPath = typeof input.targetPath === 'string' ? input.targetPath : await input.targetPath();
    if (targetPath === null) return { path: null };
    if (!isAbsolute(targetPath)) throw new AppError('VALIDATION', 'Choose the new vault file with the file picker (a full path).');
    assertFree(targetPath);

    ensurePrivateDir(dirname(targetPath));
    const temp = join(dirname(targetPath), `.${basename(targetPath)}.${randomBytes(6).toString('hex')}.restoring`);
    let hasWrittenKeys = false;
    try {
      copyFileSync(backupPath, temp);
      chmodSync(temp, 0o600);
      openVerified(temp, dataKey).close();
      // Re-check right before claiming the name: another process may have created it meanwhile.
      if (existsSync(targetPath) || existsSync(keysPathFor(targetPath))) {
        throw new AppError('VAULT_EXISTS', 'A vault already exists at the chosen location. Choose a new file name for the restored vault.');
      }
      writeFileAtomically(keysPathFor(targetPath), keysBytes);
      hasWrittenKeys = true;
      renameSync(temp, targetPath);
    } catch (error) {
      rmSync(temp, { force: true });
      if (hasWrittenKeys) rmSync(keysPathFor(targetPath as string), { force: true });
      throw error;
    }
  } finally {
    dataKey.fill(0);
  }
  return { path: targetPath };
}
