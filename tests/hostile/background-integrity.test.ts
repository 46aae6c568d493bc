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
import { workerIntegrityChecker } from '../../src/main/vault/integrity-check';
import { parseKeyEnvelope, unwrapWithPassphrase } from '../../src/main/vault/key-envelope';
import { keysPathFor, VaultManager } from '../../src/main/vault/vault-manager';
import { apiFor, makeVaultManager, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, tempVault, TEST_KDF_ITERATIONS } from '../support/temp-vault';

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

describe('the integrity check waits for a quiet moment, so the first screens after unlock have the machine', { timeout: 60_000 }, () => {
  const QUIET_MS = 300;
  const LATEST_MS = 1_500;

  /** A vault whose check only records when it started (ms after unlock answered) and says 'ok' (or waits for `answer`). */
  async function watchedVault(answer?: (signal: AbortSignal | undefined) => Promise<string | null>) {
    const temp = tempVault();
    cleanups.push(temp.cleanup);
    await temp.vault.create(STRONG_PASSPHRASE);
    temp.vault.lock();
    const started: number[] = [];
    let unlockedAt = 0;
    const vault = new VaultManager({
      path: temp.path,
      migrationsFolder: MIGRATIONS_FOLDER,
      kdfIterations: TEST_KDF_ITERATIONS,
      integrityChecker: (_path, _key, signal) => {
        started.push(performance.now() - unlockedAt);
        return answer ? answer(signal) : Promise.resolve('ok');
      },
      integrityStart: { quietMs: QUIET_MS, latestMs: LATEST_MS },
    });
    cleanups.push(() => vault.lock());
    const api = apiFor(vault);
    const unlocked = await api('vault.unlock', { passphrase: STRONG_PASSPHRASE });
    unlockedAt = performance.now();
    expect(unlocked.ok).toBe(true);
    return { vault, api, started };
  }

  /** Calls every 50 ms for `ms` (the renderer asking for its first screens). */
  async function busyFor(api: ReturnType<typeof apiFor>, ms: number) {
    const until = performance.now() + ms;
    while (performance.now() < until) {
      expect((await api('dashboard.get', {})).ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('does not start while calls keep coming, and starts once they have been quiet', async () => {
    const { vault, api, started } = await watchedVault();
    await busyFor(api, 800);
    expect(started).toEqual([]);
    expect(await vault.integrityCheck()).toBe('ok');
    expect(started).toHaveLength(1);
    expect(started[0]).toBeGreaterThanOrEqual(800 + QUIET_MS - 60);
  });

  it('does not start while a long call is under way (a binder, an import), and starts once it is answered and quiet', async () => {
    const { vault, started } = await watchedVault();
    vault.callStarted();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 2 + 100));
    expect(started).toEqual([]);
    const answeredAt = performance.now();
    vault.callEnded();
    expect(await vault.integrityCheck()).toBe('ok');
    expect(started).toHaveLength(1);
    expect(performance.now() - answeredAt).toBeGreaterThanOrEqual(QUIET_MS - 60);
  });

  it('a call that outlasts the latest start does not hold it back', async () => {
    const { vault, started } = await watchedVault();
    vault.callStarted();
    await new Promise((resolve) => setTimeout(resolve, LATEST_MS + 300));
    expect(started).toHaveLength(1);
    expect(started[0]).toBeLessThan(LATEST_MS + 250);
    vault.callEnded();
  });

  it('starts at the latest a fixed time after unlock, however busy the app is', async () => {
    const { vault, api, started } = await watchedVault();
    await busyFor(api, LATEST_MS + 500);
    expect(started).toHaveLength(1);
    expect(started[0]).toBeGreaterThanOrEqual(LATEST_MS - 60);
    expect(started[0]).toBeLessThan(LATEST_MS + 300);
    expect(await vault.integrityCheck()).toBe('ok');
  });

  it('a lock before it started: it never starts (nothing to report) and the next unlock schedules its own', async () => {
    const { vault, api, started } = await watchedVault();
    expect((await api('vault.lock', {})).ok).toBe(true);
    const lockedAt = performance.now();
    expect(await vault.integrityCheck()).toBeNull();
    // Settled by the lock itself, not when the quiet moment would have come.
    expect(performance.now() - lockedAt).toBeLessThan(QUIET_MS / 2);
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 200));
    expect(started).toEqual([]);
    expect((await api('vault.unlock', { passphrase: STRONG_PASSPHRASE })).ok).toBe(true);
    expect(await vault.integrityCheck()).toBe('ok');
    expect(started).toHaveLength(1);
  });

  it('a checker that throws as it starts (from a timer) is a check that could not run, not a crash', async () => {
    const { vault } = await watchedVault(() => {
      throw new Error('no worker could start');
    });
    expect(await vault.integrityCheck()).toBeNull();
    expect(vault.status().state).toBe('unlocked');
  });

  it('a lock while it runs: the check is told to stop, and its answer is neither waited for nor acted on', async () => {
    let seen: AbortSignal | undefined;
    const { vault, api, started } = await watchedVault(
      (signal) =>
        new Promise((resolve) => {
          seen = signal;
          signal?.addEventListener('abort', () => resolve(null));
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + 200));
    expect(started).toHaveLength(1);
    expect(seen?.aborted).toBe(false);
    expect((await api('vault.lock', {})).ok).toBe(true);
    expect(seen?.aborted).toBe(true);
    expect(await vault.integrityCheck()).toBeNull();
    expect(vault.status().state).toBe('locked');
  });

  it('the worker check, stopped, settles at once with nothing to report (its thread finishes its pass on its own)', async () => {
    const temp = await vaultWithPages();
    const dataKey = await unwrapWithPassphrase(parseKeyEnvelope(readFileSync(keysPathFor(temp.path), 'utf8')), STRONG_PASSPHRASE);
    expect(await workerIntegrityChecker()(temp.path, dataKey)).toBe('ok');
    const stop = new AbortController();
    const check = workerIntegrityChecker()(temp.path, dataKey, stop.signal);
    stop.abort();
    expect(await check).toBeNull();
    // Stopped before it began: no worker at all.
    expect(await workerIntegrityChecker()(temp.path, dataKey, stop.signal)).toBeNull();
  });
});
