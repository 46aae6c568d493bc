import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyEnvelope } from './key-envelope';
import { forgetKey, recallKey, rememberedKeyPathFor, rememberKey, type SafeStorageLike } from './remembered-key';

/** A stand-in for Electron's safeStorage: AES-GCM under a per-"keyring" secret, so another keyring fails to decrypt. */
function fakeKeyring(backend: string | undefined, secret = randomBytes(32), isAvailable = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => isAvailable,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', secret, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let dir: string;
let vaultPath: string;
let dataKey: Buffer;

async function writeKeyFile(): Promise<Buffer> {
  const created = await createKeyEnvelope('violet tractor swims under seven lanterns', new Date(), 1_000);
  writeFileSync(`${vaultPath}.keys`, JSON.stringify(created.envelope));
  return created.dataKey;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'remembered-key-'));
  vaultPath = join(dir, 'caseload.advd');
  dataKey = await writeKeyFile();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('remember on this device', () => {
  it('gives back the same data key through the keyring, from an owner-only file without the key in it', async () => {
    const keyring = fakeKeyring('gnome_libsecret');
    await rememberKey(keyring, vaultPath, dataKey);
    const file = rememberedKeyPathFor(vaultPath);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(dataKey.toString('base64'));
    expect((await recallKey(keyring, vaultPath))?.equals(dataKey)).toBe(true);
  });

  it('works where the platform has one keyring and no backend name (macOS, Windows)', async () => {
    const keyring = fakeKeyring(undefined);
    await rememberKey(keyring, vaultPath, dataKey);
    expect((await recallKey(keyring, vaultPath))?.equals(dataKey)).toBe(true);
    forgetKey(vaultPath);
    expect(await recallKey(keyring, vaultPath)).toBeNull();
  });

  it("refuses Linux's plain-text basic_text backend with a clear reason and writes nothing", async () => {
    await expect(rememberKey(fakeKeyring('basic_text'), vaultPath, dataKey)).rejects.toThrow(/no secure keyring.*plain text/);
    await expect(rememberKey(fakeKeyring('kwallet5', randomBytes(32), false), vaultPath, dataKey)).rejects.toThrow(/no keyring/);
    expect(existsSync(rememberedKeyPathFor(vaultPath))).toBe(false);
  });

  it('fails clearly and removes the stale file when the keyring changed', async () => {
    await rememberKey(fakeKeyring('kwallet5'), vaultPath, dataKey);
    const resetKeyring = fakeKeyring('kwallet5');
    await expect(recallKey(resetKeyring, vaultPath)).rejects.toThrow(/keyring has changed.*unlock with your passphrase/);
    expect(existsSync(rememberedKeyPathFor(vaultPath))).toBe(false);
    expect(await recallKey(resetKeyring, vaultPath)).toBeNull();
  });

  it('fails clearly when the keyring backend itself changed', async () => {
    const secret = randomBytes(32);
    await rememberKey(fakeKeyring('kwallet5', secret), vaultPath, dataKey);
    await expect(recallKey(fakeKeyring('gnome_libsecret', secret), vaultPath)).rejects.toThrow(
      expect.objectContaining({ problem: 'keyring_changed', code: 'FORBIDDEN' }),
    );
    expect(existsSync(rememberedKeyPathFor(vaultPath))).toBe(false);
  });

  it('does not open another vault later created at the same path', async () => {
    const keyring = fakeKeyring('gnome_libsecret');
    await rememberKey(keyring, vaultPath, dataKey);
    await writeKeyFile();
    await expect(recallKey(keyring, vaultPath)).rejects.toThrow(/another vault/);
  });
});
