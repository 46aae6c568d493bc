import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { keysPathFor } from '../../src/main/vault/vault-manager';
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

  it.each(['change', 'new'] as const)(
    'a lock while a passphrase is being set (%s) leaves the passphrase as it was, never a key file that opens nothing',
    async (kind) => {
      temp = tempVault();
      const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
      temp.vault.db().sqlite.exec("INSERT INTO families (name) VALUES ('Rivera family')");
      if (kind === 'new') {
        temp.vault.lock();
        await temp.vault.unlock({ recoveryKey });
      }
      const setting =
        kind === 'change' ? temp.vault.changePassphrase(STRONG_PASSPHRASE, OTHER_STRONG_PASSPHRASE) : temp.vault.setNewPassphrase(OTHER_STRONG_PASSPHRASE);
      // The idle lock fires while the keys are derived: lock() wipes the session's data key.
      temp.vault.lock();
      await expect(setting).rejects.toMatchObject({ code: 'LOCKED' });

      const fresh = makeVaultManager(temp.path);
      await expect(fresh.unlock({ passphrase: OTHER_STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
      expect((await fresh.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
      expect(fresh.db().sqlite.prepare('SELECT name FROM families').pluck().all()).toEqual(['Rivera family']);
      fresh.lock();
    },
  );

  it("a switch to another vault while a passphrase is being changed leaves that vault's key file alone", async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    const other = tempVault();
    try {
      const { recoveryKey } = await other.vault.create(OTHER_STRONG_PASSPHRASE);
      other.vault.lock();
      const otherKeys = readFileSync(keysPathFor(other.path));

      const changing = temp.vault.changePassphrase(STRONG_PASSPHRASE, 'a third passphrase nobody will guess soon');
      temp.vault.lock();
      temp.vault.usePath(other.path);
      await expect(changing).rejects.toMatchObject({ code: 'LOCKED' });

      expect(readFileSync(keysPathFor(other.path)).equals(otherKeys)).toBe(true);
      expect((await temp.vault.unlock({ passphrase: OTHER_STRONG_PASSPHRASE })).state).toBe('unlocked');
      temp.vault.lock();
      expect((await temp.vault.unlock({ recoveryKey })).state).toBe('unlocked');
      temp.vault.lock();
    } finally {
      other.cleanup();
    }
  });

  it("a lock during a change does not spare the new passphrase the check against the vault's names", async () => {
    temp = tempVault();
    await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.db().sqlite.exec("INSERT INTO families (name) VALUES ('Quixotewellington family')");
    const changing = temp.vault.changePassphrase(STRONG_PASSPHRASE, 'quixotewellingtonfamily');
    temp.vault.lock();
    await expect(changing).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
  });
});
