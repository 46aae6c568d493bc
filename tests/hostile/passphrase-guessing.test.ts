/**
 * Someone guessing the passphrase: weak choices are refused at creation and change (zxcvbn score 4,
 * with the app's, the file's and the caseload's names as known words), and wrong attempts back off
 * (after 3: 1 s doubling to 5 minutes, one attempt at a time, persisted beside the vault, shared
 * by unlock, the CLI, a passphrase change and restore).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ratePassphrase } from '../../src/shared/passphrase';
import { createApi } from '../../src/main/api/create-api';
import { createBackup } from '../../src/main/services/backups/backup-service';
import { restoreBackup } from '../../src/main/services/backups/restore-backup';
import { delayAfter, throttlePathFor } from '../../src/main/vault/unlock-throttle';
import { parseKeyEnvelope } from '../../src/main/vault/key-envelope';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS, makeTempDir, unlockedVault } from '../support/temp-vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function managerAt(path: string, clock: { now: number }, demoPath?: string): VaultManager {
  return new VaultManager({
    path,
    migrationsFolder: MIGRATIONS_FOLDER,
    kdfIterations: TEST_KDF_ITERATIONS,
    now: () => new Date(clock.now),
    ...(demoPath ? { demoPath } : {}),
  });
}

async function lockedVault(clock: { now: number }) {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const path = join(temp.dir, 'caseload.advd');
  const vault = managerAt(path, clock);
  await vault.create(STRONG_PASSPHRASE);
  vault.lock();
  return { dir: temp.dir, path, vault };
}

describe('passphrase policy', () => {
  it('refuses the guessable ones the old rule let through, and says how fast they fall', async () => {
    for (const weak of ['Summer2026!!', 'Rivera2014!!!', 'AdvocateDesk2026!']) {
      expect(ratePassphrase(weak, ['Rivera family']).isAcceptable, weak).toBe(false);
    }
    expect(ratePassphrase('Summer2026!!').crackTime).toMatch(/hours|minutes|days|seconds/);
    expect(ratePassphrase(STRONG_PASSPHRASE)).toMatchObject({ isAcceptable: true, score: 4, crackTime: 'centuries' });

    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const vault = managerAt(join(temp.dir, 'okafor-caseload.advd'), { now: Date.now() });
    await expect(vault.create('Summer2026!!')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/guessed in about/) });
    // The vault file's own name is a known word.
    expect(ratePassphrase('Okafor-Caseload-26').isAcceptable).toBe(true);
    await expect(vault.create('Okafor-Caseload-26')).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
  });

  it("at creation, the advocate's own name counts as a known word, and becomes the profile's name", async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const vault = managerAt(join(temp.dir, 'caseload.advd'), { now: Date.now() });
    const dispatch = createApi({ vault, now: () => new Date('2026-11-23T10:00:00Z'), demoPath: join(temp.dir, 'demo.advd') });
    const candidate = 'WojciechowskaMagdalena1!';
    expect(ratePassphrase(candidate).isAcceptable).toBe(true);
    const advocateName = 'Magdalena Wojciechowska';
    expect(await dispatch('vault.create', { passphrase: candidate, confirmation: candidate, advocateName })).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSPHRASE', fields: { passphrase: expect.stringMatching(/guessed in about/) } },
    });
    expect(existsSync(join(temp.dir, 'caseload.advd'))).toBe(false);
    expect(
      await dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE, advocateName: `  ${advocateName} ` }),
    ).toMatchObject({ ok: true });
    expect(await dispatch('profile.get', {})).toMatchObject({ ok: true, value: { name: advocateName, organization: null } });
    vault.lock();
  });

  it("at a change, the vault's family, student and district names count as known words", async () => {
    const temp = await unlockedVault();
    cleanups.push(temp.cleanup);
    const sqlite = temp.vault.db().sqlite;
    sqlite.prepare("INSERT INTO families (name) VALUES ('Wojciechowski family')").run();
    const candidate = 'Wojciechowski!2014!';
    expect(ratePassphrase(candidate).isAcceptable).toBe(true);
    await expect(temp.vault.changePassphrase(STRONG_PASSPHRASE, candidate)).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
  });

  it('the synthetic demo vault is exempt', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const demo = join(temp.dir, 'demo.advd');
    const vault = managerAt(demo, { now: Date.now() }, demo);
    await expect(vault.create('demo')).resolves.toMatchObject({ recoveryKey: expect.any(String) });
  });
});

describe('backoff on wrong passphrases', { timeout: 120_000 }, () => {
  it('waits 1 s after three wrong attempts, doubling to 5 minutes; a right one resets it; it survives a restart', async () => {
    expect([0, 1, 2, 3, 4, 5, 11, 12, 40].map(delayAfter)).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 256_000, 300_000, 300_000]);
    const clock = { now: Date.parse('2026-11-23T15:00:00Z') };
    const { path, vault } = await lockedVault(clock);
    for (let i = 0; i < 3; i++) await expect(vault.unlock({ passphrase: `wrong guess number ${i}` })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    // Even the right passphrase waits its turn: the refusal does not reveal whether it was right.
    await expect(vault.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many wrong attempts. Try again in 1 s.',
    });
    clock.now += 1_000;
    await expect(vault.unlock({ passphrase: 'wrong guess number 4' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    // A restarted app (a new manager) reads the same counter from beside the vault.
    const restarted = managerAt(path, clock);
    await expect(restarted.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ message: 'Too many wrong attempts. Try again in 2 s.' });
    expect(JSON.parse(readFileSync(throttlePathFor(path), 'utf8'))).toEqual({ failures: 4, notBefore: clock.now + 2_000 });
    clock.now += 2_000;
    expect((await restarted.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(existsSync(throttlePathFor(path))).toBe(false);
    restarted.lock();
  });

  it('runs parallel attempts one at a time, so a burst of guesses is still counted and refused', async () => {
    const clock = { now: Date.parse('2026-11-23T15:00:00Z') };
    const { vault } = await lockedVault(clock);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => vault.unlock({ passphrase: `parallel guess ${i}` })));
    const codes = results.map((result) => (result.status === 'rejected' ? (result.reason as { code: string }).code : 'ok'));
    expect(codes).toEqual([
      'WRONG_PASSPHRASE',
      'WRONG_PASSPHRASE',
      'WRONG_PASSPHRASE',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
    ]);
  });

  it('restore and the current passphrase at a change are under the same backoff', async () => {
    const clock = { now: Date.parse('2026-11-23T15:00:00Z') };
    const { dir, path, vault } = await lockedVault(clock);
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    const backup = createBackup(vault, { folder: join(dir, 'backups'), keep: 3, now: new Date(clock.now) });
    for (let i = 0; i < 3; i++)
      await expect(vault.changePassphrase(`wrong current ${i}`, 'amber walrus paints nine quiet harbors')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    vault.lock();
    await expect(
      restoreBackup({ backupPath: backup.path, targetPath: join(dir, 'restored.advd'), passphrase: 'another guess here' }, (vaultId) =>
        vault.throttleForBackup(vaultId),
      ),
    ).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    await expect(vault.unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(existsSync(join(dir, 'restored.advd'))).toBe(false);
    void path;
  });

  it("a restore counts against the backup's own vault id (every generation, persisted, one at a time), not against the open vault", async () => {
    const clock = { now: Date.parse('2026-11-23T15:00:00Z') };
    // The advocate's own vault (A), and another vault (B) whose backups someone tries to restore.
    const own = await lockedVault(clock);
    const other = await lockedVault(clock);
    await other.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    const folder = join(other.dir, 'backups');
    const older = createBackup(other.vault, { folder, keep: 5, now: new Date(clock.now) });
    const newer = createBackup(other.vault, { folder, keep: 5, now: new Date(clock.now + 60_000) });
    other.vault.lock();
    const otherId = parseKeyEnvelope(readFileSync(`${other.path}.keys`, 'utf8')).vaultId;
    const restore = (manager: VaultManager, backupPath: string, passphrase: string, name: string) =>
      restoreBackup({ backupPath, targetPath: join(own.dir, name), passphrase }, (vaultId) => manager.throttleForBackup(vaultId));

    for (let i = 0; i < 3; i++) await expect(restore(own.vault, older.path, `guess at B ${i}`, 'r.advd')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    // Another generation of the same vault is the same vault: it waits too.
    await expect(restore(own.vault, newer.path, STRONG_PASSPHRASE, 'r.advd')).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many wrong attempts. Try again in 1 s.',
    });
    // The open vault's own counter is untouched: its passphrase still unlocks it at once.
    expect(existsSync(throttlePathFor(own.path))).toBe(false);
    expect((await own.vault.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    own.vault.lock();
    // Kept on disk beside the advocate's vault, keyed by B's id: a restarted app still waits.
    expect(JSON.parse(readFileSync(join(own.dir, `vault-${otherId}.unlock-state`), 'utf8'))).toEqual({ failures: 3, notBefore: clock.now + 1_000 });
    const restarted = managerAt(own.path, clock);
    await expect(restore(restarted, newer.path, STRONG_PASSPHRASE, 'r.advd')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    // Parallel guesses at B run one at a time: after the wait, one is tried and the rest refused.
    clock.now += 1_000;
    const burst = await Promise.allSettled([1, 2, 3].map((i) => restore(restarted, newer.path, `parallel guess at B ${i}`, `p${i}.advd`)));
    expect(burst.map((result) => (result.status === 'rejected' ? (result.reason as { code: string }).code : 'ok'))).toEqual([
      'WRONG_PASSPHRASE',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
    ]);
    clock.now += 2_000;
    expect(await restore(restarted, older.path, STRONG_PASSPHRASE, 'restored.advd')).toEqual({ path: join(own.dir, 'restored.advd') });
    expect(existsSync(join(own.dir, `vault-${otherId}.unlock-state`))).toBe(false);
  });

  it('the CLI exits 2 with "try again in N s" while the backoff holds', async () => {
    const { path } = await lockedVault({ now: Date.now() });
    // As the app leaves it after ten wrong guesses (the CLI runs on the real clock).
    writeFileSync(throttlePathFor(path), JSON.stringify({ failures: 10, notBefore: Date.now() + 120_000 }));
    const env: NodeJS.ProcessEnv = { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE };
    const run = spawnSync('npx', ['tsx', 'src/main/cli/index.ts', 'verify', '--db', path], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Too many wrong attempts\. Try again in \d+ s\./);
  });

  it('a key file edited to 2e9 iterations is refused, not run for hours', async () => {
    // Covered in vault-files.test.ts; the bound itself is the key file schema's.
    const { MAX_PBKDF2_ITERATIONS } = await import('../../src/main/vault/key-envelope');
    expect(MAX_PBKDF2_ITERATIONS).toBeLessThan(2e9);
  });
});
