import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '@shared/api/errors';
import { writeFileAtomically } from '../lib/atomic-file';
import { parseKeyEnvelope } from './key-envelope';
import { keysPathFor } from './vault-manager';

/**
 * "Remember on this device": the vault's data key, encrypted by the operating system's keyring
 * (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), kept
 * in a file beside the vault. Anyone who can log in as this user can then open the vault without
 * the passphrase; that is the trade the advocate opts into, so it is off by default and refused
 * where the "keyring" would be plain text.
 *
 * Electron passes its `safeStorage` as the AppContext's deviceKeyStore; the vault.* handlers use
 * these functions and VaultManager.unlockWithDataKey.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'. */
  getSelectedStorageBackend?(): string;
  /** Electron's safeStorage answers at once; the service process asks main for it (a promise). */
  encryptString(plainText: string): Buffer | Promise<Buffer>;
  decryptString(encrypted: Buffer): string | Promise<string>;
}

export type RememberedKeyProblem = 'unavailable' | 'insecure_backend' | 'keyring_changed';

export class RememberedKeyError extends AppError {
  readonly problem: RememberedKeyProblem;
  constructor(problem: RememberedKeyProblem, message: string) {
    super('FORBIDDEN', message);
    this.name = 'RememberedKeyError';
    this.problem = problem;
  }
}

const rememberedFile = z.strictObject({
  format: z.literal('advocate-desk-remembered-key'),
  version: z.literal(1),
  /** Binds the blob to one vault: another vault later created at the same path is not opened with it. */
  vaultId: z.string(),
  /** The keyring backend that encrypted it; a different one cannot decrypt it. */
  backend: z.string(),
  blob: z.string(),
});

export function rememberedKeyPathFor(vaultPath: string): string {
  return `${vaultPath}.remembered`;
}

/** Platforms other than Linux have one keyring and no backend name. */
function backendOf(storage: SafeStorageLike): string {
  return storage.getSelectedStorageBackend ? storage.getSelectedStorageBackend() : 'os';
}

/** Whether this device can remember a key, and if not, why (for the checkbox's explanation). */
export function rememberingProblem(storage: SafeStorageLike): RememberedKeyError | null {
  if (!storage.isEncryptionAvailable()) {
    return new RememberedKeyError('unavailable', 'This computer offers no keyring to protect a remembered key, so the vault cannot be remembered here.');
  }
  const backend = backendOf(storage);
  if (backend === 'basic_text' || backend === 'unknown') {
    return new RememberedKeyError(
      'insecure_backend',
      'This computer has no secure keyring (no GNOME Keyring or KWallet was found), so a remembered key would be stored as plain text. Install and unlock a keyring, or keep typing your passphrase.',
    );
  }
  return null;
}

function vaultIdOf(vaultPath: string): string {
  return parseKeyEnvelope(readFileSync(keysPathFor(vaultPath), 'utf8')).vaultId;
}

/** Remembers the open vault's data key on this device (file mode 0600, written atomically). */
export async function rememberKey(storage: SafeStorageLike, vaultPath: string, dataKey: Buffer): Promise<void> {
  const problem = rememberingProblem(storage);
  if (problem) throw problem;
  const encoded = dataKey.toString('base64');
  const record: z.infer<typeof rememberedFile> = {
    format: 'advocate-desk-remembered-key',
    version: 1,
    vaultId: vaultIdOf(vaultPath),
    backend: backendOf(storage),
    blob: (await storage.encryptString(encoded)).toString('base64'),
  };
  writeFileAtomically(rememberedKeyPathFor(vaultPath), JSON.stringify(record));
}

export function forgetKey(vaultPath: string): void {
  rmSync(rememberedKeyPathFor(vaultPath), { force: true });
}

export function hasRememberedKey(vaultPath: string): boolean {
  return existsSync(rememberedKeyPathFor(vaultPath));
}

function stale(vaultPath: string, message: string): RememberedKeyError {
  // A blob that can never be read again only misleads; the passphrase still opens the vault.
  forgetKey(vaultPath);
  return new RememberedKeyError('keyring_changed', message);
}

/**
 * The remembered data key, or null when none is remembered. Fails clearly (and deletes the stale
 * file) when the keyring changed since: another backend, a reset login keyring, another user.
 */
export async function recallKey(storage: SafeStorageLike, vaultPath: string): Promise<Buffer | null> {
  const path = rememberedKeyPathFor(vaultPath);
  if (!existsSync(path)) return null;
  const problem = rememberingProblem(storage);
  if (problem) throw problem;
  let record: z.infer<typeof rememberedFile>;
  try {
    record = rememberedFile.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    throw stale(vaultPath, 'The remembered key on this computer is unreadable and has been removed. Unlock with your passphrase.');
  }
  const changed =
    'This computer\'s keyring has changed since the vault was remembered, so the remembered key cannot be read. It has been removed: unlock with your passphrase, then choose "Remember on this device" again.';
  if (record.backend !== backendOf(storage)) throw stale(vaultPath, changed);
  if (record.vaultId !== vaultIdOf(vaultPath)) {
    throw stale(vaultPath, 'The remembered key belongs to another vault that was at this location. It has been removed: unlock with your passphrase.');
  }
  let decoded: string;
  try {
    decoded = await storage.decryptString(Buffer.from(record.blob, 'base64'));
  } catch {
    throw stale(vaultPath, changed);
  }
  const dataKey = Buffer.from(decoded, 'base64');
  if (dataKey.length !== 32 || dataKey.toString('base64') !== decoded) throw stale(vaultPath, changed);
  return dataKey;
}
