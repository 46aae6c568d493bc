import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysPathFor, VaultManager } from '../../src/main/vault/vault-manager';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE } from '../support/temp-vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'src/main/cli/index.ts';

interface CliRun {
  status: number | null;
  stdout: string;
  /** stderr without npm's own warnings about the machine's npm config. */
  stderr: string;
}

function cli(args: readonly string[], passphrase: string | null = STRONG_PASSPHRASE): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.ADVOCATE_DESK_PASSPHRASE;
  if (passphrase !== null) env.ADVOCATE_DESK_PASSPHRASE = passphrase;
  // stdin is a pipe, not a TTY: the CLI must never sit waiting for a prompt here.
  const result = spawnSync('npx', ['tsx', CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 60_000 });
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !/^npm (warn|notice)/i.test(line.replace(/\u001b\[[0-9;]*m/g, '')))
    .join('\n')
    .trim();
  return { status: result.status, stdout: result.stdout, stderr };
}

function bytesOf(path: string): string {
  return readFileSync(path).toString('base64');
}

const temp = makeTempDir('advocate-desk-cli-');
const vaultPath = join(temp.dir, 'demo.advd');
let demoRun: CliRun;

beforeAll(() => {
  demoRun = cli(['demo', '--db', vaultPath, '--families', '3', '--seed', '5']);
}, 90_000);
afterAll(() => temp.cleanup());

describe('cli demo', { timeout: 60_000 }, () => {
  it('creates and seeds a new vault, showing the recovery key once and the counts', async () => {
    expect(demoRun.stderr).toBe('');
    expect(demoRun.status).toBe(0);
    const keys = demoRun.stdout.match(/\b([0-9A-Z]{4}-){7}[0-9A-Z]{4}\b/g) ?? [];
    expect(keys).toHaveLength(1);
    expect(demoRun.stdout).toMatch(/RECOVERY KEY/);
    expect(demoRun.stdout).toMatch(/families\s+3\b/);
    expect(existsSync(vaultPath)).toBe(true);
    expect(existsSync(keysPathFor(vaultPath))).toBe(true);

    // The recovery key printed is the real one: it opens the vault.
    const vault = new VaultManager({ path: vaultPath, migrationsFolder: MIGRATIONS_FOLDER });
    expect((await vault.unlock({ recoveryKey: keys[0]! })).state).toBe('unlocked');
    const families = vault.db().sqlite.prepare('SELECT count(*) AS n FROM families').get() as { n: number };
    expect(families.n).toBe(3);
    vault.lock();
  });

  it('refuses to create a vault where a file already exists, and leaves it untouched', () => {
    const before = bytesOf(vaultPath);
    const run = cli(['demo', '--db', vaultPath, '--families', '2']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Refusing to create a vault at .*demo\.advd: a file already exists there/);
    expect(run.stdout).toBe('');
    expect(bytesOf(vaultPath)).toBe(before);
  });

  it('refuses an invalid family count before asking for anything', () => {
    const run = cli(['demo', '--db', join(temp.dir, 'other.advd'), '--families', 'lots']);
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/--families must be a whole number/);
    expect(existsSync(join(temp.dir, 'other.advd'))).toBe(false);
  });
});

describe('cli verify', { timeout: 60_000 }, () => {
  it('unlocks a demo vault, reports integrity and prints sorted row counts without any case data', async () => {
    const run = cli(['verify', '--db', vaultPath]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/unlocked/);
    expect(run.stdout).toMatch(/Integrity\s+ok/);
    expect(run.stdout).toMatch(/Audit chain\s+ok \(1 entry, 0 anchors\)/);
    const counts = [...run.stdout.matchAll(/^ {2}([a-z_]+)\s+(\d+)$/gm)].map(([, table, rows]) => [table!, Number(rows)] as const);
    const tables = counts.map(([table]) => table);
    expect(tables).toEqual([...tables].sort());
    expect(Object.fromEntries(counts)).toMatchObject({ families: 3, audit_log: 1, districts: 8 });
    expect(tables).not.toContain('__drizzle_migrations');

    const vault = new VaultManager({ path: vaultPath, migrationsFolder: MIGRATIONS_FOLDER });
    await vault.unlock({ passphrase: STRONG_PASSPHRASE });
    const sqlite = vault.db().sqlite;
    const names = [
      ...(sqlite.prepare('SELECT name FROM families').all() as { name: string }[]).map(({ name }) => name),
      ...(sqlite.prepare('SELECT first_name AS name FROM students').all() as { name: string }[]).map(({ name }) => name),
      ...(sqlite.prepare('SELECT title AS name FROM cases').all() as { name: string }[]).map(({ name }) => name),
    ];
    vault.lock();
    for (const name of names) expect(run.stdout).not.toContain(name);
  });

  it('exits 2 with one clear line on a wrong passphrase, changing no file', () => {
    const before = bytesOf(vaultPath);
    const run = cli(['verify', '--db', vaultPath], 'not the passphrase of this vault');
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^Wrong passphrase: /);
    expect(run.stdout).toBe('');
    expect(bytesOf(vaultPath)).toBe(before);
  });

  it('exits 2 with a clear line when there is no vault at the path', () => {
    const missing = join(temp.dir, 'missing.advd');
    const run = cli(['verify', '--db', missing]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^No vault at .*missing\.advd/);
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 3 and names the problem when the vault file is damaged', () => {
    const damaged = join(temp.dir, 'damaged.advd');
    copyFileSync(vaultPath, damaged);
    copyFileSync(keysPathFor(vaultPath), keysPathFor(damaged));
    const bytes = readFileSync(damaged);
    expect(bytes.length).toBeGreaterThan(4096 * 12);
    // Scramble one page in the middle (page 1 is what the key check reads).
    for (let i = 4096 * 8; i < 4096 * 9; i++) bytes[i] = (bytes[i]! + 17) % 256;
    writeFileSync(damaged, bytes);
    const run = cli(['verify', '--db', damaged]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^Damaged: /);
  });

  it('fails with a clear message when no passphrase is set and there is no terminal to ask on', () => {
    const run = cli(['verify', '--db', vaultPath], null);
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/No passphrase: set ADVOCATE_DESK_PASSPHRASE/);
  });
});

describe('cli usage', { timeout: 60_000 }, () => {
  it('lists the commands for help and for no command, and exits 0', () => {
    for (const args of [['help'], []]) {
      const run = cli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/demo\s+Create a new vault/);
      expect(run.stdout).toMatch(/verify\s+Unlock a vault/);
    }
  });

  it('exits 64 with the usage text for an unknown command or option', () => {
    const unknownCommand = cli(['frobnicate']);
    expect(unknownCommand.status).toBe(64);
    expect(unknownCommand.stderr).toMatch(/^Unknown command: frobnicate/);
    expect(unknownCommand.stderr).toMatch(/Commands:/);
    const unknownOption = cli(['verify', '--db', vaultPath, '--verbose']);
    expect(unknownOption.status).toBe(64);
    expect(unknownOption.stderr).toMatch(/Unknown option '--verbose'/);
  });
});
