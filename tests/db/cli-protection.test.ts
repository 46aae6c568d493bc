import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/run';
import type { CliIo } from '../../src/main/cli/io';
import { exportFamily } from '../../src/main/services/exchange/export-family';
import { createFamily, updateFamily } from '../../src/main/services/families/families-service';
import { STRONG_PASSPHRASE, unlockedVault, type TempVault } from '../support/temp-vault';
import { seedRichFamily } from '../support/rich-family';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let vaults: TempVault[] = [];
afterEach(() => {
  for (const vault of vaults) vault.cleanup();
  vaults = [];
});

function io(): CliIo & { lines: { out: string[]; err: string[] } } {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    out: (line) => lines.out.push(line),
    err: (line) => lines.err.push(line),
    env: { ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE },
    stdin: process.stdin,
    stderr: process.stderr,
    now: () => new Date('2026-11-23T15:00:00Z'),
  };
}

async function vaultWithHistory() {
  const vault = await unlockedVault();
  vaults.push(vault);
  const family = createFamily(vault.ctx, { name: 'CLI family' } as never);
  updateFamily(vault.ctx, { id: family.id, fields: { name: 'CLI family 2' } as never });
  return vault;
}

describe('cli audit-verify and import', () => {
  it('audit-verify exits 0 on an intact trail and 1 with the first broken entry', async () => {
    const vault = await vaultWithHistory();
    vault.vault.lock();
    // Through the real command line once (npm run cli runs the same file with tsx).
    const run = spawnSync('npx', ['tsx', 'src/main/cli/index.ts', 'audit-verify', '--db', vault.path], {
      cwd: ROOT,
      env: { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE },
      encoding: 'utf8',
      input: '',
      timeout: 60_000,
    });
    expect(run.stdout).toContain('Audit trail intact: 2 entries checked');
    expect(run.status).toBe(0);

    const edit = await vault.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    expect(edit.state).toBe('unlocked');
    // As a key holder would: drop the guard, edit, put the guard back exactly as it was.
    const sqlite = vault.vault.db().sqlite;
    const guard = sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").pluck().get() as string;
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare('UPDATE audit_log SET entity_id = 99 WHERE id = 2').run();
    sqlite.exec(guard);
    vault.vault.lock();
    const broken = io();
    expect(await runCli(['audit-verify', '--db', vault.path], broken)).toBe(1);
    expect(broken.lines.err.join('\n')).toMatch(/BROKEN at entry #2/);
  });

  it('import adds the family from an export file, and a damaged file imports nothing', async () => {
    const source = await unlockedVault();
    vaults.push(source);
    const { familyId } = seedRichFamily(source.ctx.db.sqlite, 'CLI-IMPORT');
    const exportPath = join(source.dir, 'family.zip');
    writeFileSync(exportPath, exportFamily(source.ctx, familyId).bytes);
    const target = await unlockedVault();
    vaults.push(target);
    target.vault.lock();

    const ok = io();
    expect(await runCli(['import', '--db', target.path, '--file', exportPath], ok)).toBe(0);
    expect(ok.lines.out.join('\n')).toMatch(/^Imported as family #1: .*families 1/);

    const damagedPath = join(source.dir, 'damaged.zip');
    writeFileSync(damagedPath, 'PK not really');
    const damaged = io();
    expect(await runCli(['import', '--db', target.path, '--file', damagedPath], damaged)).toBe(1);
    expect(damaged.lines.err.join('\n')).toMatch(/Nothing was imported/);
    await target.vault.unlock({ passphrase: STRONG_PASSPHRASE });
    expect(target.vault.db().sqlite.prepare('SELECT count(*) FROM families').pluck().get()).toBe(1);
  });
});
