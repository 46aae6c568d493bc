/**
 * Issue 14: the same caseload at 500 and 2,000 families (and 500 with documents), encrypted, as
 * the app opens it. Per workload it prints both figures, their growth ratio and PASS/FAIL against
 * the goals. Cold runs reopen the vault first (SQLite's page cache dropped, so every page
 * read is decrypted again). The 2,000-family vault is built once, without documents, and kept in
 * .bench-cache/ (git-ignored) keyed by the migrations and the demo's code; later runs copy it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_FOLDER } from '../src/main/cli/paths';
import { seedDemoCaseload } from '../src/main/demo/demo-caseload';
import { agreementsBehindAt, storedAgreementsBehind } from '../src/main/services/agreements';
import type { ServiceContext } from '../src/main/services/context';
import { dashboardAt } from '../src/main/services/dashboard/dashboard-service';
import { recomputeStoredDeadlines, staleOpenCaseIds } from '../src/main/services/deadlines/stored-deadlines';
import { keysPathFor, VaultManager } from '../src/main/vault/vault-manager';
import { formatMs, formatTable, median } from './report';
import { BENCH_PASSPHRASE, BENCH_SEED } from './setup';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, '.bench-cache');
const TODAY = '2026-11-23';
const now = () => new Date('2026-11-23T15:00:00Z');
const noIntegrityCheck = () => Promise.resolve(null);

/** What the cached vault depends on: the schema (migrations), the demo's code and how a vault is keyed. */
function fixtureKey(families: number): string {
  const hash = createHash('sha256');
  for (const folder of [MIGRATIONS_FOLDER, join(ROOT, 'src/main/demo')]) {
    for (const name of readdirSync(folder, { recursive: true }).map(String).sort()) {
      const path = join(folder, name);
      if (/\.(sql|json|ts)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  }
  // How a vault file is keyed and encrypted: a fixture written with another page cipher is rebuilt.
  hash.update(readFileSync(join(ROOT, 'src/main/db/connection.ts')));
  return `families-${families}-seed-${BENCH_SEED}-${hash.digest('hex').slice(0, 16)}`;
}

interface Tier {
  label: string;
  vault: VaultManager;
  ctx: () => ServiceContext;
  dataKey: Buffer;
}

/**
 * The cached vault of `families` demo families (passphrase BENCH_PASSPHRASE), built first if
 * missing: its path. Copy it (and its key file) before opening; never open the cached one.
 */
export async function cachedFixture(families: number): Promise<string> {
  const cached = join(CACHE, fixtureKey(families));
  if (!existsSync(join(cached, 'bench.advd'))) {
    const building = `${cached}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    mkdirSync(building, { recursive: true });
    const started = performance.now();
    const vault = new VaultManager({ path: join(building, 'bench.advd'), migrationsFolder: MIGRATIONS_FOLDER, now, integrityChecker: noIntegrityCheck });
    await vault.create(BENCH_PASSPHRASE);
    seedDemoCaseload({ db: vault.db(), now }, { families, seed: BENCH_SEED, today: new Date('2026-11-23T12:00:00') });
    vault.db().sqlite.pragma('wal_checkpoint(TRUNCATE)');
    vault.lock();
    rmSync(cached, { recursive: true, force: true });
    renameSync(building, cached);
    console.log(`(built the ${families}-family fixture once in ${formatMs(performance.now() - started)} ms: ${cached})`);
  }
  return join(cached, 'bench.advd');
}

/** Copies a vault file and its key file to `path`. */
export function copyVault(from: string, path: string): void {
  copyFileSync(from, path);
  copyFileSync(keysPathFor(from), keysPathFor(path));
}

/** A fresh copy of the tier's vault in `dir`, unlocked (built and cached first if needed). */
async function openTier(dir: string, families: number, label: string): Promise<Tier> {
  const path = join(dir, `${label}.advd`);
  copyVault(await cachedFixture(families), path);
  const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, now, integrityChecker: noIntegrityCheck });
  await vault.unlock({ passphrase: BENCH_PASSPHRASE });
  return { label, vault, ctx: () => ({ db: vault.db(), now }), dataKey: Buffer.from(vault.dataKey()) };
}

/** Adds `megabytes` of stored documents (incompressible bytes, as PDFs and scans are). */
function addDocuments(tier: Tier, megabytes: number): void {
  const { sqlite } = tier.vault.db();
  const caseIds = sqlite.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
  const document = sqlite.prepare(
    "INSERT INTO documents (case_id, title, category, mime_type, size_bytes, sha256) VALUES (?, ?, 'other', 'application/pdf', ?, ?)",
  );
  const content = sqlite.prepare('INSERT INTO document_contents (document_id, content) VALUES (?, ?)');
  const size = 1024 * 1024;
  sqlite.transaction(() => {
    for (let index = 0; index < megabytes; index++) {
      const bytes = createHash('sha512').update(String(index)).digest();
      const blob = Buffer.alloc(size);
      for (let offset = 0; offset < size; offset += bytes.length) bytes.copy(blob, offset, 0, Math.min(bytes.length, size - offset));
      // Different bytes per page, so nothing compresses or repeats.
      for (let offset = 0; offset < size; offset += 4096) blob.writeUInt32LE(index * 1_000_003 + offset, offset);
      const id = document.run(caseIds[index % caseIds.length]!, `Scan ${index}`, size, createHash('sha256').update(blob).digest('hex')).lastInsertRowid;
      content.run(id, blob);
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

/** Lock and open again with the data key: the cheap checks, no key derivation; SQLite's cache is gone. */
function reopen(tier: Tier): number {
  tier.vault.lock();
  const started = performance.now();
  const status = tier.vault.unlockWithDataKey(tier.dataKey);
  const ms = performance.now() - started;
  if (status.state !== 'unlocked') throw new Error(`reopen: ${status.state} ${status.problem ?? ''}`);
  return ms;
}

function timedMs(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function medianOf(runs: number, work: () => number): number {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(work());
  return median(samples);
}

interface Figures {
  unlock: number;
  firstCall: number;
  dashboard: number;
  agreementsStored: number;
  whole: number;
  agreementsFull: number;
  deadlinesFull: number;
  openCases: number;
}

function measure(tier: Tier): Figures {
  const ctx = tier.ctx;
  // Store everything once (what the app does at the first unlock after the update).
  dashboardAt(ctx(), TODAY);
  storedAgreementsBehind(ctx(), TODAY);
  const unlock = medianOf(5, () => reopen(tier));
  const firstCall = medianOf(5, () => {
    reopen(tier);
    return timedMs(() => {
      dashboardAt(ctx(), TODAY);
      storedAgreementsBehind(ctx(), TODAY);
    });
  });
  for (let warm = 0; warm < 3; warm++) dashboardAt(ctx(), TODAY);
  const dashboard = medianOf(15, () => timedMs(() => dashboardAt(ctx(), TODAY)));
  const agreementsStored = medianOf(15, () => timedMs(() => storedAgreementsBehind(ctx(), TODAY)));
  const whole = medianOf(15, () =>
    timedMs(() => {
      dashboardAt(ctx(), TODAY);
      storedAgreementsBehind(ctx(), TODAY);
    }),
  );
  const agreementsFull = medianOf(7, () => timedMs(() => agreementsBehindAt(ctx(), TODAY)));
  const allOpen = staleOpenCaseIds(ctx().db, '0000-01-01');
  const deadlinesFull = medianOf(3, () => timedMs(() => recomputeStoredDeadlines(ctx().db, allOpen, TODAY)));
  return { unlock, firstCall, dashboard, agreementsStored, whole, agreementsFull, deadlinesFull, openCases: allOpen.length };
}

type Goal = { at500?: number; at2000?: number; any?: number };

function verdict(value: number, goal: number | undefined): string {
  return goal === undefined ? '-' : value < goal ? 'PASS' : 'FAIL';
}

export async function printScaleBench(dir: string): Promise<void> {
  console.log('Scale (issue 14): encrypted vault as the app opens it, 500 vs 2,000 families; cold = vault reopened first');
  const small = await openTier(dir, 500, 'scale-500');
  const large = await openTier(dir, 2000, 'scale-2000');
  try {
    const at500 = measure(small);
    const at2000 = measure(large);
    const rows: [string, keyof Figures, Goal][] = [
      ['Unlock: open with the key (cheap checks; no key derivation), cold', 'unlock', { any: 300 }],
      ['First dashboard call after unlock, incl. agreements behind (cold)', 'firstCall', { any: 150 }],
      ['Dashboard data (dashboard.get, stored deadlines)', 'dashboard', { at500: 50, at2000: 30 }],
      ['Agreements behind, stored summaries read', 'agreementsStored', { any: 10 }],
      ['Whole dashboard (dashboard.get + agreements.behind)', 'whole', {}],
      ['Agreements compliance full recompute (once a day; demo data)', 'agreementsFull', {}],
      ['Deadlines full recompute of every open case (background)', 'deadlinesFull', {}],
    ];
    const goalText = (goal: Goal) =>
      goal.any !== undefined
        ? `< ${goal.any}`
        : goal.at500 !== undefined || goal.at2000 !== undefined
          ? `< ${goal.at500 ?? '-'} / < ${goal.at2000 ?? '-'}`
          : '-';
    console.log(
      formatTable(
        ['Workload', '500 ms', '2,000 ms', 'Growth', 'Goal (500 / 2,000)', 'Result 500', 'Result 2,000'],
        rows.map(([name, key, goal]) => [
          name,
          formatMs(at500[key]),
          formatMs(at2000[key]),
          `${(at2000[key] / at500[key]).toFixed(2)}x`,
          goalText(goal),
          verdict(at500[key], goal.any ?? goal.at500),
          verdict(at2000[key], goal.any ?? goal.at2000),
        ]),
      ),
    );
    console.log(`(medians; open cases: ${at500.openCases} and ${at2000.openCases}; vault files ${sizeMb(small)} MB and ${sizeMb(large)} MB)`);

    // Documents stay in the vault: opening must not grow with them.
    const megabytes = 256;
    addDocuments(small, megabytes);
    const withDocuments = medianOf(5, () => reopen(small));
    const firstWithDocuments = medianOf(5, () => {
      reopen(small);
      return timedMs(() => {
        dashboardAt(small.ctx(), TODAY);
        storedAgreementsBehind(small.ctx(), TODAY);
      });
    });
    console.log('');
    console.log(
      formatTable(
        ['Workload (500 families + documents)', 'ms', 'Goal', 'Result'],
        [
          [
            `Unlock: open with the key, ${megabytes} MB of documents in the vault (${sizeMb(small)} MB file)`,
            formatMs(withDocuments),
            '< 300',
            verdict(withDocuments, 300),
          ],
          ['First dashboard call after unlock, incl. agreements behind', formatMs(firstWithDocuments), '< 150', verdict(firstWithDocuments, 150)],
        ],
      ),
    );
  } finally {
    small.vault.lock();
    large.vault.lock();
  }
}

function sizeMb(tier: Tier): string {
  return (statSync(tier.vault.vaultPath).size / 1024 / 1024).toFixed(0);
}
