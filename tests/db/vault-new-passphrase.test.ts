import { afterEach, describe, expect, it } from 'vitest';
import { makeVaultManager, OTHER_STRONG_PASSPHRASE, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

let temp: TempVault | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

describe('a new passphrase after a recovery-key unlock', () => {
  it('is asked for after a recovery-key unlock, set without the forgotten one, and then opens the vault', async () => {
    temp = tempVault();
    const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
    expect(temp.vault.status().needsNewPassphrase).toBe(false);
    temp.vault.lock();

    const unlocked = await temp.vault.unlock({ recoveryKey });
    expect(unlocked).toMatchObject({ state: 'unlocked', needsNewPassphrase: true });
    await expect(temp.vault.setNewPassphrase('short')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    const after = await temp.vault.setNewPassphrase(OTHER_STRONG_PASSPHRASE);
    expect(after.needsNewPassphrase).toBe(false);
    temp.vault.lock();

    const fresh = makeVaultManager(temp.path);
    await expect(fresh.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await fresh.unlock({ passphrase: OTHER_STRONG_PASSPHRASE })).state).toBe('unlocked');
    fresh.lock();
    // The recovery key still opens it.
    expect((await fresh.unlock({ recoveryKey })).state).toBe('unlocked');
    fresh.lock();
  });

  it('is refused in a session the passphrase opened (that would skip proving the current passphrase)', async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.lock();
    await temp.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    await expect(temp.vault.setNewPassphrase(OTHER_STRONG_PASSPHRASE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each(['change', 'new'] as const)('a lock that comes while a passphrase is being set (%s) cannot leave a key file that wraps a wiped key', async (kind) => {
    temp = tempVault();
    const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.db().sqlite.exec("INSERT INTO families (name) VALUES ('Rivera family')");
    if (kind === 'new') {
      temp.vault.lock();
      await temp.vault.unlock({ recoveryKey });
    }
    const setting =
      kind === 'change' ? temp.vault.changePassphrase(STRONG_PASSPHRASE, OTHER_STRONG_PASSPHRASE) : temp.vault.setNewPassphrase(OTHER_STRONG_PASSPHRASE);
    // The idle lock fires while the key derivation runs: lock() wipes the session's data key.
    temp.vault.lock();
    await setting;

    const fresh = makeVaultManager(temp.path);
    expect((await fresh.unlock({ passphrase: OTHER_STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(fresh.db().sqlite.prepare('SELECT name FROM families').pluck().all()).toEqual(['Rivera family']);
    fresh.lock();
  });
});
