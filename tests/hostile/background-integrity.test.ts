/**
 * Unlock is not an integrity scan: opening runs only the cheap checks (file shape, layout,
 * schema, vault id), and quick_check, which decrypts every page, runs in a worker after unlock.
 * Damage it finds locks the vault and shows the recovery screen (state 'damaged' and a
 * `vault.changed` event); the file is left as it was.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/main/api/event-bus';
import type { AppEvent } from '../../src/shared/api/events';
import { apiFor, makeVaultManager, STRONG_PASSPHRASE, tempVault } from '../support/temp-vault';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function vaultWithPages() {
  const temp = tempVault();
  cleanups.push(temp.cleanup);
  await temp.vault.create(STRONG_PASSPHRASE);
  const sqlite = temp.vault.db().sqlite;
  const insert = sqlite.prepare('INSERT INTO families (name, notes) VALUES (?, ?)');
  sqlite.transaction(() => {
    for (let index = 0; index < 400; index++) insert.run(`Family ${index}`, 'x'.repeat(900));
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  temp.vault.lock();
  return temp;
}

describe('the integrity check runs after unlock, in the background', { timeout: 120_000 }, () => {
  it('opens an intact vault at once and reports it ok afterwards', async () => {
    const temp = await vaultWithPages();
    const vault = makeVaultManager(temp.path);
    cleanups.push(() => vault.lock());
    expect((await vault.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(await vault.integrityCheck()).toBe('ok');
    expect(vault.status().state).toBe('unlocked');
  });

  it('a damaged page that the cheap checks do not read: unlock opens, the background check finds it and the recovery screen takes over', async () => {
    const temp = await vaultWithPages();
    const bytes = readFileSync(temp.path);
    const pages = bytes.length / 4096;
    // A page in the middle of the families table, far from the schema and settings pages.
    bytes.fill(0x5a, Math.floor(pages / 2) * 4096 + 100, Math.floor(pages / 2) * 4096 + 400);
    writeFileSync(temp.path, bytes);
    const size = statSync(temp.path).size;

    const vault = makeVaultManager(temp.path);
    cleanups.push(() => vault.lock());
    const events: AppEvent[] = [];
    const bus = new EventBus();
    bus.subscribe((event) => events.push(event));
    const api = apiFor(vault, {}, undefined, bus);
    const unlocked = await api('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    expect(unlocked.ok && (unlocked.value as { state: string }).state).toBe('unlocked');

    const result = await vault.integrityCheck();
    expect(result).not.toBe('ok');
    expect(vault.isUnlocked()).toBe(false);
    expect(vault.status()).toMatchObject({ state: 'damaged', problem: expect.stringMatching(/integrity check found problems/) });
    expect(events).toContainEqual({ name: 'vault.changed', payload: { state: 'damaged', reason: null } });
    expect(statSync(temp.path).size).toBe(size);
  });
});
