/**
 * Files that look like a vault but are not one: emptied, truncated, garbage, foreign, schema-less,
 * another vault's database. Each must be refused as DAMAGED (recovery screen; `cli verify` exit 3),
 * never re-initialised, never reported as a wrong passphrase, and the backups must stay untouched.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeyed } from '../../src/main/db/connection';
import { createBackup } from '../../src/main/services/backups/backup-service';
import { keysPathFor } from '../../src/main/vault/vault-manager';
import { makeVaultManager, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function cliVerify(path: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE };
  const result = spawnSync('npx', ['tsx', 'src/main/cli/index.ts', 'verify', '--db', path], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 60_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr
      .split('\n')
      .filter((line) => !/npm (warn|notice)/i.test(line))
      .join('\n')
      .trim(),
  };
}

/** A vault with two families and two backups, locked, plus a fingerprint of the backup folder. */
async function vaultWithBackups(): Promise<TempVault & { folder: string; backups: () => string }> {
  const temp = tempVault();
  cleanups.push(temp.cleanup);
  await temp.vault.create(STRONG_PASSPHRASE);
  const sqlite = temp.vault.db().sqlite;
  for (const name of ['Rivera family', 'Okafor family']) sqlite.prepare('INSERT INTO families (name) VALUES (?)').run(name);
  const folder = join(temp.dir, 'backups');
  createBackup(temp.vault, { folder, keep: 2, now: new Date('2026-11-20T10:00:00') });
  createBackup(temp.vault, { folder, keep: 2, now: new Date('2026-11-21T10:00:00') });
  temp.vault.lock();
  const backups = () =>
    readdirSync(folder)
      .sort()
      .map((name) => `${name}:${readFileSync(join(folder, name)).toString('base64').length}:${statSync(join(folder, name)).mtimeMs}`)
      .join('|');
  return { ...temp, folder, backups };
}

async function expectDamaged(temp: TempVault & { backups: () => string }, pattern: RegExp): Promise<void> {
  const before = temp.backups();
  const sizeBefore = statSync(temp.path).size;
  const fresh = makeVaultManager(temp.path);
  const status = await fresh.unlock({ passphrase: STRONG_PASSPHRASE });
  expect(status.state).toBe('damaged');
  expect(status.problem).toMatch(pattern);
  // Nothing was initialised or rewritten: same size, and the backups are exactly as they were.
  expect(statSync(temp.path).size).toBe(sizeBefore);
  expect(temp.backups()).toBe(before);
  const run = cliVerify(temp.path);
  expect(run.status).toBe(3);
  expect(run.stderr).toMatch(/^Damaged: /m);
  expect(run.stdout).not.toMatch(/Integrity ok/);
  expect(statSync(temp.path).size).toBe(sizeBefore);
  expect(temp.backups()).toBe(before);
}

describe('a vault file that is not a vault is refused as damaged (exit 3), backups untouched', { timeout: 120_000 }, () => {
  it('a 0-byte vault file (a failed sync) is never re-initialised', async () => {
    const temp = await vaultWithBackups();
    truncateSync(temp.path, 0);
    await expectDamaged(temp, /empty \(0 bytes\)/);
  });

  it('a vault truncated to half its pages', async () => {
    const temp = await vaultWithBackups();
    truncateSync(temp.path, Math.floor(statSync(temp.path).size / 2 / 4096) * 4096);
    await expectDamaged(temp, /truncated|malformed|damaged/);
  });

  it('a vault cut part-way through a page, and one cut inside its first page', async () => {
    const temp = await vaultWithBackups();
    const copy = `${temp.path}.orig`;
    copyFileSync(temp.path, copy);
    truncateSync(temp.path, statSync(temp.path).size - 1000);
    await expectDamaged(temp, /part-way through a page|damaged and could not be read/);
    copyFileSync(copy, temp.path);
    truncateSync(temp.path, 3000);
    await expectDamaged(temp, /does not read as this vault|damaged/);
  });

  it('whole pages of junk appended to the vault (the size check, before any full integrity check)', async () => {
    const temp = await vaultWithBackups();
    writeFileSync(temp.path, Buffer.concat([readFileSync(temp.path), Buffer.alloc(8192)]));
    await expectDamaged(temp, /its pages say/);
  });

  it('garbage where the vault was is damage, not a wrong passphrase', async () => {
    const temp = await vaultWithBackups();
    writeFileSync(temp.path, randomBytes(statSync(temp.path).size));
    await expectDamaged(temp, /key is right, but the vault file does not read as this vault/);
  });

  it('damaged first pages are damage, not a wrong passphrase', async () => {
    const temp = await vaultWithBackups();
    const bytes = readFileSync(temp.path);
    randomBytes(4096).copy(bytes, 0);
    writeFileSync(temp.path, bytes);
    await expectDamaged(temp, /does not read as this vault/);
  });

  it('a foreign plaintext SQLite database put in its place', async () => {
    const temp = await vaultWithBackups();
    const foreign = join(temp.dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('someone else''s data');");
    db.close();
    copyFileSync(foreign, temp.path);
    await expectDamaged(temp, /does not read as this vault/);
  });

  it('a database that opens with the key but holds no vault schema', async () => {
    const temp = await vaultWithBackups();
    const vault = makeVaultManager(temp.path);
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    const dataKey = Buffer.from(vault.dataKey());
    vault.lock();
    const empty = join(temp.dir, 'schemaless.advd');
    const sqlite = openKeyed(empty, dataKey, { create: true });
    sqlite.exec('CREATE TABLE scratch (x INTEGER)');
    sqlite.close();
    copyFileSync(empty, temp.path);
    await expectDamaged(temp, /holds no vault/);
  });

  it("another vault's database beside this key file (the vault id inside must match the key file's)", async () => {
    const temp = await vaultWithBackups();
    const vault = makeVaultManager(temp.path);
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    const copy = join(temp.dir, 'copy.advd');
    vault.db().sqlite.prepare('VACUUM INTO ?').run(copy);
    const dataKey = Buffer.from(vault.dataKey());
    vault.lock();
    // Same key (so it decrypts), different vault id: what a mixed-up restore would produce.
    const sqlite = openKeyed(copy, dataKey, { create: false });
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'vault.id'").run(JSON.stringify('00000000-0000-4000-8000-000000000000'));
    sqlite.pragma('journal_mode = DELETE');
    sqlite.close();
    copyFileSync(copy, temp.path);
    await expectDamaged(temp, /belongs to another vault/);
  });

  it('the intact vault still opens, and a wrong passphrase is still a wrong passphrase', async () => {
    const temp = await vaultWithBackups();
    const vault = makeVaultManager(temp.path);
    await expect(vault.unlock({ passphrase: 'not the passphrase at all, sorry' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect((await vault.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    vault.lock();
  });

  it('a remembered device key: a wrong key is WRONG_PASSPHRASE, the right key on a damaged file is damage', async () => {
    const temp = await vaultWithBackups();
    const vault = makeVaultManager(temp.path);
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    const dataKey = Buffer.from(vault.dataKey());
    vault.lock();
    expect(() => vault.unlockWithDataKey(randomBytes(32))).toThrow(expect.objectContaining({ code: 'WRONG_PASSPHRASE' }));
    writeFileSync(temp.path, randomBytes(statSync(temp.path).size));
    expect(vault.unlockWithDataKey(dataKey).state).toBe('damaged');
  });

  it('a key file asking for 2e9 iterations is refused at once, not run', async () => {
    const temp = await vaultWithBackups();
    const keys = JSON.parse(readFileSync(keysPathFor(temp.path), 'utf8'));
    keys.slots[0].kdf.iterations = 2e9;
    writeFileSync(keysPathFor(temp.path), JSON.stringify(keys));
    const started = Date.now();
    await expect(makeVaultManager(temp.path).unlock({ passphrase: STRONG_PASSPHRASE })).rejects.toMatchObject({
      code: 'VAULT_DAMAGED',
      message: expect.stringMatching(/key-derivation cost outside/),
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
