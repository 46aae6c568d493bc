/**
 * kill -9 in the middle of writing a migration copy, a backup and a binder: no file may carry its
 * final name half-written, and no temp file may survive the next start.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS } from '../support/temp-vault';

const target = fileURLToPath(new URL('../support/kill-target.mts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function olderMigrations(dir: string, count: number): string {
  const folder = join(dir, 'older-drizzle');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) cpSync(join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

/** A vault with ~60 MB of document content, so copying it takes long enough to be killed half-way. */
async function bigVault(dir: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<string> {
  const path = join(dir, 'caseload.advd');
  const vault = new VaultManager({ path, migrationsFolder, kdfIterations: TEST_KDF_ITERATIONS });
  await vault.create(STRONG_PASSPHRASE);
  const sqlite = vault.db().sqlite;
  const family = sqlite.prepare("INSERT INTO families (name) VALUES ('Rivera family')").run().lastInsertRowid;
  const student = sqlite.prepare("INSERT INTO students (family_id, first_name, last_name) VALUES (?, 'Sofia', 'Rivera')").run(family).lastInsertRowid;
  const kase = sqlite.prepare("INSERT INTO cases (student_id, title, opened_on) VALUES (?, 'IEP', '2025-09-01')").run(student).lastInsertRowid;
  for (let i = 0; i < 6; i++) {
    const doc = sqlite
      .prepare(
        "INSERT INTO documents (case_id, title, category, mime_type, original_name, size_bytes, sha256) VALUES (?, ?, 'iep', 'application/pdf', 'x.pdf', 10485760, ?)",
      )
      .run(kase, `Scan ${i}`, randomBytes(32).toString('hex')).lastInsertRowid;
    sqlite.prepare('INSERT INTO document_contents (document_id, content) VALUES (?, ?)').run(doc, randomBytes(10 * 1024 * 1024));
  }
  vault.lock();
  return path;
}

/** Starts the child, kills it with SIGKILL as soon as `tempAppeared` sees its temp file. */
function killWhenTempAppears(args: string[], tempAppeared: () => boolean): Promise<{ killed: boolean; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, target, ...args], {
      env: { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const poll = setInterval(() => {
      if (tempAppeared()) {
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 1);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      if (signal !== 'SIGKILL') reject(new Error(`the child finished before it was killed: ${stdout} ${stderr.slice(0, 500)}`));
      else resolve({ killed: true, stdout });
    });
  });
}

describe('kill -9 during writes leaves no half file under a final name, and nothing after the next start', { timeout: 180_000 }, () => {
  it('a migration copy', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const older = olderMigrations(temp.dir, 1);
    const path = await bigVault(temp.dir, older);
    const partial = () => readdirSync(temp.dir).some((name) => name.includes('.partial'));
    await killWhenTempAppears(['migrate', path, MIGRATIONS_FOLDER], partial);
    expect(readdirSync(temp.dir).filter((name) => name.includes('before-migration') && !name.includes('.partial'))).toEqual([]);
    expect(partial()).toBe(true);
    // The next start: the temp is gone, the vault migrates and opens, with one complete copy, owner-only.
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS });
    expect(partial()).toBe(false);
    expect((await vault.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    vault.lock();
    const copies = vault.preMigrationCopies();
    expect(copies).toHaveLength(1);
    expect(statSync(copies[0]!).mode & 0o777).toBe(0o600);
    expect(existsSync(`${copies[0]}.keys`)).toBe(true);
  });

  it('a backup', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const path = await bigVault(temp.dir);
    const folder = join(temp.dir, 'backups');
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS });
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    vault
      .db()
      .sqlite.prepare("INSERT INTO settings (key, value) VALUES ('backups.settings', ?)")
      .run(JSON.stringify({ folder, keep: 3, intervalHours: null }));
    vault.lock();
    const partial = () => existsSync(folder) && readdirSync(folder).some((name) => name.includes('.partial'));
    await killWhenTempAppears(['backup', path, folder], partial);
    expect(readdirSync(folder).filter((name) => name.endsWith('.advd'))).toEqual([]);
    expect(partial()).toBe(true);
    expect((await vault.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(readdirSync(folder)).toEqual([]);
    vault.lock();
  });

  it('a binder (or any export written the same way)', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const path = await bigVault(temp.dir);
    const exports = join(temp.dir, 'exports');
    mkdirSync(exports);
    const binder = join(exports, 'Rivera binder.pdf');
    const tmp = () => readdirSync(exports).some((name) => name.endsWith('.tmp'));
    await killWhenTempAppears(['binder', path, binder], tmp);
    expect(existsSync(binder)).toBe(false);
    expect(tmp()).toBe(true);
    // The temp's location was journalled inside the vault, so the next unlock removes it.
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, kdfIterations: TEST_KDF_ITERATIONS });
    expect((await vault.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    expect(readdirSync(exports)).toEqual([]);
    vault.lock();
  });
});
