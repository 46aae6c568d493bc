import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { quickCheck } from '../../src/main/db/connection';
import { makeVaultManager, STRONG_PASSPHRASE, unlockedVault, type TempVault } from '../support/temp-vault';

const writerScript = fileURLToPath(new URL('../support/crash-writer.mts', import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve('tsx');

let temp: TempVault | undefined;
afterEach(() => temp?.cleanup());

/** Starts the writer, kills it with SIGKILL after `acknowledgedBeforeKill` commits, returns the ids it printed. */
function writeUntilKilled(
  vaultPath: string,
  acknowledgedBeforeKill: number,
): Promise<{ ids: number[]; settings: string; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // One process (node --import tsx), not the tsx CLI, which would leave a grandchild behind the kill.
    const child = spawn(process.execPath, ['--import', tsxLoader, writerScript, vaultPath], {
      env: { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ids: number[] = [];
    let buffer = '';
    let stderr = '';
    let settings = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the writer did not get going: ${stderr}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (/^\d+$/.test(line)) ids.push(Number(line));
        else if (line.startsWith('synchronous=')) settings = line;
      }
      if (ids.length >= acknowledgedBeforeKill && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ ids, settings, signal, stderr });
    });
  });
}

describe('durability', () => {
  it('loses no acknowledged transaction when the writer is killed with SIGKILL mid-stream', async () => {
    const vault = await unlockedVault();
    temp = vault;
    const sqlite = vault.ctx.db.sqlite;
    const family = Number(sqlite.prepare("INSERT INTO families (name) VALUES ('Crash family')").run().lastInsertRowid);
    const student = Number(sqlite.prepare("INSERT INTO students (family_id, first_name, last_name) VALUES (?, 'A', 'B')").run(family).lastInsertRowid);
    sqlite.prepare("INSERT INTO cases (student_id, title, opened_on) VALUES (?, 'Crash case', '2026-01-01')").run(student);
    vault.vault.lock();

    const { ids, settings, signal, stderr } = await writeUntilKilled(vault.path, 300);
    expect(signal, stderr).toBe('SIGKILL');
    // A kill -9 alone cannot catch synchronous=OFF (the OS still holds the written pages), so the
    // writer's own connection reports its settings.
    expect(settings).toBe('synchronous=2 journal=wal');
    expect(ids.length).toBeGreaterThanOrEqual(300);

    const reopened = makeVaultManager(vault.path);
    expect((await reopened.unlock({ passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    try {
      const db = reopened.db().sqlite;
      expect(quickCheck(db)).toBe('ok');
      const present = new Set(db.prepare("SELECT id FROM events WHERE title LIKE 'crash %'").pluck().all() as number[]);
      expect(ids.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      reopened.lock();
    }
  });
});

/** Every .ts file under src/, relative to the repository. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('connection settings', () => {
  it('runs every connection the app writes through at synchronous=FULL in WAL mode: created, unlocked and reopened', async () => {
    const vault = await unlockedVault();
    temp = vault;
    const settingsOf = (sqlite: ReturnType<typeof vault.vault.db>['sqlite']) => ({
      synchronous: sqlite.pragma('synchronous', { simple: true }),
      journal: sqlite.pragma('journal_mode', { simple: true }),
    });
    expect(settingsOf(vault.vault.db().sqlite)).toEqual({ synchronous: 2, journal: 'wal' });
    vault.vault.lock();
    await vault.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    expect(settingsOf(vault.vault.db().sqlite)).toEqual({ synchronous: 2, journal: 'wal' });
    vault.vault.lock();
    await vault.vault.unlock({ recoveryKey: vault.recoveryKey });
    expect(settingsOf(vault.vault.db().sqlite)).toEqual({ synchronous: 2, journal: 'wal' });
  });

  it('opens SQLite only through openKeyed, or read-only', () => {
    const srcRoot = fileURLToPath(new URL('../../src', import.meta.url));
    const opens = sourceFiles(srcRoot).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new Database\(([^)]*)\)/g)].map((match) => ({ file: relative(srcRoot, file), args: match[1] ?? '' })),
    );
    expect(opens.length).toBeGreaterThan(0);
    const unchecked = opens.filter((open) => open.file !== join('main', 'db', 'connection.ts') && !/readonly:\s*true/.test(open.args));
    expect(unchecked).toEqual([]);
  });
});
