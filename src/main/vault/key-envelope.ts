import { createCipheriv, createDecipheriv, createHmac, hkdf, pbkdf2, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError } from '@shared/api/errors';

const pbkdf2Async = promisify(pbkdf2);
const hkdfAsync = promisify(hkdf);

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. Stored per slot so it can be raised later. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/**
 * The range a key file may ask for. Below it a passphrase is cheap to guess; above it one unlock
 * would take minutes (a key file edited to 2e9 iterations would hang the app). Tests use the floor.
 */
export const MIN_PBKDF2_ITERATIONS = 1_000;
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
const DATA_KEY_BYTES = 32;
const RECOVERY_KEY_BYTES = 20;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const wrappedKey = z.object({
  alg: z.literal('aes-256-gcm'),
  iv: z.string().max(200),
  tag: z.string().max(200),
  ciphertext: z.string().max(200),
});
const passphraseSlot = z.object({
  type: z.literal('passphrase'),
  kdf: z.object({
    name: z.literal('pbkdf2-sha256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: z.string().max(200),
  }),
  wrap: wrappedKey,
});
const recoverySlot = z.object({
  type: z.literal('recovery'),
  // The recovery key is 160 random bits, so a fast KDF loses nothing; a slow one would only delay the user.
  kdf: z.object({ name: z.literal('hkdf-sha256'), salt: z.string().max(200) }),
  wrap: wrappedKey,
});
export const keyEnvelopeSchema = z.object({
  format: z.literal('advocate-desk-vault-keys'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  createdAt: z.string(),
  updatedAt: z.string(),
  slots: z
    .array(z.discriminatedUnion('type', [passphraseSlot, recoverySlot]))
    .min(1)
    .max(8),
  /**
   * HMAC of a fixed label under the data key: proves a data key kept elsewhere (the device
   * keyring) is this vault's before the database is blamed for not opening. Older files lack it.
   */
  keyCheck: z.string().max(200).optional(),
});
export type KeyEnvelope = z.infer<typeof keyEnvelopeSchema>;
type Slot = KeyEnvelope['slots'][number];

function wrap(kek: Buffer, dataKey: Buffer, aad: string): z.infer<typeof wrappedKey> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    alg: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Returns the data key, or null when the KEK is wrong (GCM authentication fails). */
function unwrap(kek: Buffer, wrapped: z.infer<typeof wrappedKey>, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Unicode-normalised so the same passphrase typed on another OS still unlocks. */
function passphraseBytes(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

async function passphraseKek(passphrase: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return pbkdf2Async(passphraseBytes(passphrase), salt, iterations, 32, 'sha256');
}

async function recoveryKek(recoveryKey: Buffer, salt: Buffer): Promise<Buffer> {
  return Buffer.from(await hkdfAsync('sha256', recoveryKey, salt, 'advocate-desk recovery key v1', 32));
}

function encodeRecoveryKey(bytes: Buffer): string {
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += CROCKFORD[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Accepts the key as printed, with or without dashes, any case, and the usual O/0 and I/1 slips. */
export function decodeRecoveryKey(text: string): Buffer | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (cleaned.length !== Math.ceil((RECOVERY_KEY_BYTES * 8) / 5)) return null;
  let bits = '';
  for (const char of cleaned) {
    const value = CROCKFORD.indexOf(char);
    if (value < 0) return null;
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = Buffer.alloc(RECOVERY_KEY_BYTES);
  for (let i = 0; i < RECOVERY_KEY_BYTES; i++) bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  return bytes;
}

async function makePassphraseSlot(vaultId: string, passphrase: string, dataKey: Buffer, iterations: number): Promise<Slot> {
  const salt = randomBytes(16);
  const kek = await passphraseKek(passphrase, salt, iterations);
  try {
    return {
      type: 'passphrase',
      kdf: { name: 'pbkdf2-sha256', iterations, salt: salt.toString('base64') },
      wrap: wrap(kek, dataKey, `${vaultId}:passphrase`),
    };
  } finally {
    kek.fill(0);
  }
}

export interface NewVaultKeys {
  envelope: KeyEnvelope;
  dataKey: Buffer;
  recoveryKey: string;
}

/** A fresh random data key, wrapped once by the passphrase and once by a new recovery key. */
export async function createKeyEnvelope(passphrase: string, now: Date, iterations = DEFAULT_PBKDF2_ITERATIONS): Promise<NewVaultKeys> {
  const vaultId = randomUUID();
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const recoveryBytes = randomBytes(RECOVERY_KEY_BYTES);
  const recoverySalt = randomBytes(16);
  const recoveryKekBytes = await recoveryKek(recoveryBytes, recoverySalt);
  const recovery: Slot = {
    type: 'recovery',
    kdf: { name: 'hkdf-sha256', salt: recoverySalt.toString('base64') },
    wrap: wrap(recoveryKekBytes, dataKey, `${vaultId}:recovery`),
  };
  recoveryKekBytes.fill(0);
  const stamp = now.toISOString();
  const envelope: KeyEnvelope = {
    format: 'advocate-desk-vault-keys',
    version: 1,
    vaultId,
    createdAt: stamp,
    updatedAt: stamp,
    slots: [await makePassphraseSlot(vaultId, passphrase, dataKey, iterations), recovery],
    keyCheck: keyCheckFor(vaultId, dataKey),
  };
  const recoveryKey = encodeRecoveryKey(recoveryBytes);
  recoveryBytes.fill(0);
  return { envelope, dataKey, recoveryKey };
}

export function keyCheckFor(vaultId: string, dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update(`advocate-desk key check v1:${vaultId}`).digest('base64');
}

/** true: the key is this vault's; false: it is not; null: the key file predates the check. */
export function matchesKeyCheck(envelope: KeyEnvelope, dataKey: Buffer): boolean | null {
  if (!envelope.keyCheck) return null;
  const expected = Buffer.from(envelope.keyCheck, 'base64');
  const actual = Buffer.from(keyCheckFor(envelope.vaultId, dataKey), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function parseKeyEnvelope(json: string): KeyEnvelope {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('VAULT_DAMAGED', 'The vault key file is not readable. Restore it from a backup.');
  }
  const parsed = keyEnvelopeSchema.safeParse(raw);
  const badIterations = parsed.error?.issues.find((issue) => issue.path.includes('iterations'));
  if (badIterations) {
    throw new AppError(
      'VAULT_DAMAGED',
      `The vault key file asks for a key-derivation cost outside ${MIN_PBKDF2_ITERATIONS.toLocaleString('en-US')}–${MAX_PBKDF2_ITERATIONS.toLocaleString('en-US')} iterations, so it was not used: it was altered. Restore it from a backup.`,
    );
  }
  if (!parsed.success) throw new AppError('VAULT_DAMAGED', 'The vault key file is not in a format this version understands.');
  return parsed.data;
}

export async function unwrapWithPassphrase(envelope: KeyEnvelope, passphrase: string): Promise<Buffer> {
  for (const slot of envelope.slots) {
    if (slot.type !== 'passphrase') continue;
    const kek = await passphraseKek(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf.iterations);
    const dataKey = unwrap(kek, slot.wrap, `${envelope.vaultId}:passphrase`);
    kek.fill(0);
    if (dataKey) return dataKey;
  }
  throw new AppError('WRONG_PASSPHRASE', 'That passphrase does not unlock this vault. Check Caps Lock, or use your recovery key.');
}

export async function unwrapWithRecoveryKey(envelope: KeyEnvelope, recoveryKey: string): Promise<Buffer> {
  const bytes = decodeRecoveryKey(recoveryKey);
  if (bytes) {
    for (const slot of envelope.slots) {
      if (slot.type !== 'recovery') continue;
      const kek = await recoveryKek(bytes, Buffer.from(slot.kdf.salt, 'base64'));
      const dataKey = unwrap(kek, slot.wrap, `${envelope.vaultId}:recovery`);
      kek.fill(0);
      if (dataKey) {
        bytes.fill(0);
        return dataKey;
      }
    }
    bytes.fill(0);
  }
  throw new AppError('WRONG_PASSPHRASE', 'That recovery key does not unlock this vault. It has 8 groups of 4 letters and digits.');
}

/** Replaces the passphrase slot; the data key (and so the database) is unchanged. */
export async function rewrapPassphrase(
  envelope: KeyEnvelope,
  dataKey: Buffer,
  passphrase: string,
  now: Date,
  iterations = DEFAULT_PBKDF2_ITERATIONS,
): Promise<KeyEnvelope> {
  const slot = await makePassphraseSlot(envelope.vaultId, passphrase, dataKey, iterations);
  return {
    ...envelope,
    updatedAt: now.toISOString(),
    slots: [slot, ...envelope.slots.filter((existing) => existing.type !== 'passphrase')],
    keyCheck: keyCheckFor(envelope.vaultId, dataKey),
  };
}
