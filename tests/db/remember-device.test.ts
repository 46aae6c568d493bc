import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api/create-api';
import { rememberedKeyPathFor, type SafeStorageLike } from '../../src/main/vault/remembered-key';
import { STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

/** A stand-in for Electron's safeStorage: reversible, tied to a "keyring" secret. */
function fakeKeyring(secret: string, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`${secret}:${text}`),
    decryptString: (blob) => {
      const [owner, ...rest] = blob.toString().split(':');
      if (owner !== secret) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return rest.join(':');
    },
  };
}

let temp: TempVault;
afterEach(() => temp?.cleanup());

function api(store?: SafeStorageLike) {
  return createApi({
    vault: temp.vault,
    now: () => new Date('2026-11-23T10:00:00Z'),
    demoPath: `${temp.path}.demo`,
    ...(store ? { deviceKeyStore: store } : {}),
  });
}

describe('remember on this device', () => {
  it('unlocks without the passphrase once remembered, and forgets on request', async () => {
    temp = tempVault();
    const dispatch = api(fakeKeyring('login-keyring'));
    await dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    await dispatch('families.create', { name: 'Remembered family' });
    expect(await dispatch('vault.deviceKeyStatus', {})).toEqual({ ok: true, value: { isAvailable: true, problem: null, isRemembered: false } });
    expect(await dispatch('vault.rememberOnDevice', { isEnabled: true })).toEqual({ ok: true, value: { isRemembered: true } });
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlockWithDevice', {})).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await dispatch('families.list', {})).toMatchObject({ ok: true, value: [{ name: 'Remembered family' }] });
    await dispatch('vault.rememberOnDevice', { isEnabled: false });
    expect(existsSync(rememberedKeyPathFor(temp.path))).toBe(false);
    await dispatch('vault.lock', {});
    expect(await dispatch('vault.unlockWithDevice', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('fails clearly and removes the stale key when the keyring changed', async () => {
    temp = tempVault();
    const first = api(fakeKeyring('old-keyring'));
    await first('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    await first('vault.rememberOnDevice', { isEnabled: true });
    await first('vault.lock', {});
    const afterReset = api(fakeKeyring('new-keyring'));
    expect(await afterReset('vault.unlockWithDevice', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/keyring has changed/) },
    });
    expect(existsSync(rememberedKeyPathFor(temp.path))).toBe(false);
    expect(await afterReset('vault.unlock', { passphrase: STRONG_PASSPHRASE })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it("refuses Linux's plain-text keyring and is unavailable outside the desktop app", async () => {
    temp = tempVault();
    const plainText = api(fakeKeyring('x', 'basic_text'));
    await plainText('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    expect(await plainText('vault.deviceKeyStatus', {})).toMatchObject({
      ok: true,
      value: { isAvailable: false, problem: expect.stringMatching(/plain text/) },
    });
    expect(await plainText('vault.rememberOnDevice', { isEnabled: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api()('vault.deviceKeyStatus', {})).toMatchObject({ ok: true, value: { isAvailable: false } });
  });
});
