/**
 * Issue 14: the command line runs as one bundle (vite.cli.config.ts) whose start-up path loads no
 * command's code: `help` reads only the command table; each command's code (the vault, SQLite,
 * drizzle, zod, the services) is a chunk loaded when that command runs. Start-up time itself is a
 * bench row (`npm run bench`), not a timed test.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTexts, pdfinfoPages, qpdfCheck } from '../../src/main/pdf/pdf-tools.testing';
import { exportFamily } from '../../src/main/services/exchange/export-family';
import { seedRichFamily } from '../support/rich-family';
import { makeTempDir, STRONG_PASSPHRASE, unlockedVault } from '../support/temp-vault';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Beside out/cli, so the bundle finds drizzle/ two folders up, as the real one does.
const OUT = join(ROOT, 'out', `cli-test-${process.pid}`);
const BUNDLE = join(OUT, 'cli.js');
const temp = makeTempDir('advocate-desk-cli-bundle-');

function run(args: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE };
  return spawnSync(process.execPath, [BUNDLE, ...args], { cwd: temp.dir, env, encoding: 'utf8', input: '', timeout: 90_000 });
}

/** Every file the bundle's entry loads before any command runs: its static imports, followed. */
function startUpFiles(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
    const specifier = match[1]!;
    if (specifier.startsWith('.')) startUpFiles(join(dirname(file), specifier), seen);
    else seen.add(specifier);
  }
  return seen;
}

beforeAll(() => {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.cli.config.ts', '--outDir', OUT, '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    timeout: 120_000,
  });
  if (build.status !== 0) throw new Error(`vite build of the CLI failed: ${build.stderr}`);
}, 150_000);
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  temp.cleanup();
});

describe('the bundled command line', { timeout: 90_000 }, () => {
  it('starts without loading any command: no package but Node’s own, and no SQLite, drizzle or zod, on the start-up path', () => {
    const loaded = [...startUpFiles(BUNDLE)];
    const packages = loaded.filter((entry) => !entry.startsWith('/'));
    expect(packages.every((entry) => entry.startsWith('node:'))).toBe(true);
    const code = loaded.filter((entry) => entry.startsWith('/')).map((file) => readFileSync(file, 'utf8'));
    expect(code.some((text) => /better-sqlite3|drizzle-orm|from "zod"/.test(text))).toBe(false);
  });

  it('opens a vault without loading the passphrase dictionaries (only setting a passphrase rates one)', () => {
    const chunks = join(OUT, 'chunks');
    const openVault = readdirSync(chunks).find((file) => file.startsWith('open-vault-'));
    expect(openVault).toBeDefined();
    const loaded = [...startUpFiles(join(chunks, openVault!))].filter((entry) => entry.startsWith('/'));
    expect(loaded.some((file) => file.includes('vault-manager'))).toBe(true);
    expect(loaded.filter((file) => readFileSync(file, 'utf8').includes('node_modules/@zxcvbn-ts/'))).toEqual([]);
  });

  it('prints the command list and one command’s options', () => {
    const help = run(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Commands:[\s\S]*demo[\s\S]*verify[\s\S]*report[\s\S]*binder/);
    const reportHelp = run(['help', 'report']);
    expect(reportHelp.status).toBe(0);
    expect(reportHelp.stdout).toMatch(/--today YYYY-MM-DD/);
  });

  it('loads a command’s code when it runs: creates a demo vault, verifies it, reports on it, builds a binder and checks the audit trail', async () => {
    const path = join(temp.dir, 'bundle.advd');
    const demo = run(['demo', '--db', path, '--families', '2', '--seed', '3']);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/families\s+2\b/);
    const verify = run(['verify', '--db', path]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Integrity\s+ok/i);
    const report = run(['report', '--db', path, '--today', '2026-11-23', '--json']);
    expect(report.status, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).today).toBe('2026-11-23');
    // The packages each command uses are inlined in its chunk (pdf-lib, fontkit, zod, drizzle...).
    const out = join(temp.dir, 'binder.pdf');
    const binder = run(['binder', '--db', path, '--case', '1', '--out', out, '--bates', 'DEMO']);
    expect(binder.status, binder.stderr).toBe(0);
    expect(Number(binder.stdout.trim())).toBe(pdfinfoPages(out));
    expect(qpdfCheck(out).status).toBe(0);
    expect(pageTexts(out)[0]).toMatch(/DEMO000001/);
    // Its fonts were compressed by Node's zlib (native-deflate.ts), not by pako, although pdf-lib is
    // inlined: zlib deflating each font program again gives the same bytes (pako's differ).
    const binderDoc = await PDFDocument.load(readFileSync(out));
    const fontPrograms = binderDoc.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))
      .map((descriptor) => descriptor.lookup(PDFName.of('FontFile2')))
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream);
    expect(fontPrograms).toHaveLength(2);
    for (const stream of fontPrograms) {
      const stored = Buffer.from(stream.getContents());
      expect(deflateSync(inflateSync(stored)).equals(stored)).toBe(true);
    }
    const audit = run(['audit-verify', '--db', path]);
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/Audit trail intact/);
  });

  it('imports a family export, and a damaged file imports nothing', async () => {
    const source = await unlockedVault();
    try {
      const { familyId } = seedRichFamily(source.ctx.db.sqlite, 'BUNDLE-IMPORT');
      const exportPath = join(temp.dir, 'family.zip');
      writeFileSync(exportPath, exportFamily(source.ctx, familyId).bytes);
      const path = join(temp.dir, 'import.advd');
      expect(run(['demo', '--db', path, '--families', '1']).status).toBe(0);
      const imported = run(['import', '--db', path, '--file', exportPath]);
      expect(imported.status, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/^Imported as family #2: .*families 1/);
      const damagedPath = join(temp.dir, 'damaged.zip');
      writeFileSync(damagedPath, 'PK not really');
      const damaged = run(['import', '--db', path, '--file', damagedPath]);
      expect(damaged.status).toBe(1);
      expect(damaged.stderr).toMatch(/Nothing was imported/);
    } finally {
      source.cleanup();
    }
  });
});
