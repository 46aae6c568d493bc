import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { AppError } from '@shared/api/errors';
import { ensurePrivateDir, writeFileAtomically } from '../../lib/atomic-file';
import { parseKeyEnvelope, unwrapWithPassphrase, unwrapWithRecoveryKey } from '../../vault/key-envelope';
import { UnlockThrottle } from '../../vault/unlock-throttle';
import { keysPathFor, type Unlock } from '../../vault/vault-manager';
import { openVerified } from './backup-service';

export type RestoreInput = { backupPath: string; targetPath: string } & Unlock;

/**
 * Restores a backup into a NEW vault file; it never overwrites anything, so the vault in use (and
 * any other file) stays as it is until the advocate chooses to open the restored one.
 *
 * The backup is proven before a byte is written: its key file must unlock with the passphrase (or
 * recovery key) and its pages must decrypt and pass quick_check. The copy is then checked again
 * (the bytes actually written) before it is renamed into place, key file first.
 */
export async function restoreBackup(input: RestoreInput, throttle: UnlockThrottle = new UnlockThrottle(input.backupPath, () => new Date())): Promise<{ path: string }> {
  const { backupPath, targetPath } = input;
  if (!isAbsolute(backupPath) || !isAbsolute(targetPath)) {
    throw new AppError('VALIDATION', 'Choose the backup and the new vault file with the file pickers (full paths).');
  }
  if (!existsSync(backupPath)) throw new AppError('NOT_FOUND', 'That backup file does not exist.');
  const backupKeys = keysPathFor(backupPath);
  if (!existsSync(backupKeys)) {
    throw new AppError('VAULT_DAMAGED', `The key file that belongs beside this backup (${basename(backupKeys)}) is missing, so it cannot be opened.`);
  }
  if (existsSync(targetPath) || existsSync(keysPathFor(targetPath))) {
    throw new AppError('VAULT_EXISTS', 'A vault already exists at the chosen location. Choose a new file name for the restored vault.');
  }
  const keysBytes = readFileSync(backupKeys);
  const envelope = parseKeyEnvelope(keysBytes.toString('utf8'));
  // A restore takes a passphrase too: the same backoff as unlocking, or it would be a free guessing door.
  const dataKey = await throttle.attempt(() =>
    'passphrase' in input ? unwrapWithPassphrase(envelope, input.passphrase) : unwrapWithRecoveryKey(envelope, input.recoveryKey),
  );
  try {
    openVerified(backupPath, dataKey).close();

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
      if (hasWrittenKeys) rmSync(keysPathFor(targetPath), { force: true });
      throw error;
    }
  } finally {
    dataKey.fill(0);
  }
  return { path: targetPath };
}
