import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, pdfinfoPages, qpdfCheck, samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { STRONG_PASSPHRASE } from '../support/temp-vault';
import { onDisk, documentVault, seedRiveraCase, type DocumentVault } from '../support/document-fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function binder(args: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE };
  const result = spawnSync('npx', ['tsx', 'src/main/cli/index.ts', 'binder', ...args], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 90_000 });
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !/^npm (warn|notice)/i.test(line.replace(/\u001b\[[0-9;]*m/g, '')))
    .join('\n')
    .trim();
  return { status: result.status, stdout: result.stdout, stderr };
}

let vault: DocumentVault;
let caseId: number;
beforeAll(async () => {
  vault = await documentVault();
  ({ caseId } = await seedRiveraCase(vault.call));
  await vault.call('documents.import', { caseId, fileName: 'iep.pdf', file: onDisk(await samplePdf(1, 3)), category: 'iep', documentDate: '2025-09-10' });
  await vault.call('documents.import', {
    caseId,
    fileName: 'eval.pdf',
    file: onDisk(await samplePdf(2, 2)),
    category: 'evaluation',
    documentDate: '2025-03-01',
  });
  vault.temp.vault.lock();
}, 60_000);
afterAll(() => vault.temp.cleanup());

describe('cli binder', { timeout: 120_000 }, () => {
  it('writes the same binder headless, prints its page count, and only replaces a file with --force', () => {
    const out = join(vault.temp.dir, 'binder.pdf');
    const run = binder(['--db', vault.temp.path, '--case', String(caseId), '--out', out, '--bates', 'RIV']);
    expect(run.status).toBe(0);
    const pages = Number(run.stdout.trim());
    expect(pages).toBe(pdfinfoPages(out));
    expect(qpdfCheck(out).status).toBe(0);
    expect(run.stderr).toMatch(/Wrote .*binder\.pdf: \d+ pages, 2 exhibits\./);
    expect(pageTexts(out).filter((text) => /DOC-\d-PAGE-\d/.test(text))).toHaveLength(5);
    expect(pageTexts(out)[0]).toMatch(/RIV000001/);

    writeFileSync(out, 'keep me');
    const refused = binder(['--db', vault.temp.path, '--case', String(caseId), '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already exists; use --force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');

    const forced = binder(['--db', vault.temp.path, '--case', String(caseId), '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });

  it('refuses an unknown case and a bad Bates prefix with distinct exit codes', () => {
    const out = join(vault.temp.dir, 'none.pdf');
    const unknown = binder(['--db', vault.temp.path, '--case', '999', '--out', out]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No case 999/);
    const badPrefix = binder(['--db', vault.temp.path, '--case', String(caseId), '--out', out, '--bates', 'A B/C']);
    expect(badPrefix.status).toBe(64);
  });
});
