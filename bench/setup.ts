import Database from 'better-sqlite3';
import { join } from 'node:path';
import { CONNECTION_PRAGMAS, wrapOrm, type Sqlite } from '../src/main/db/connection';
import { applyMigrations } from '../src/main/db/migrate';
import { seedDemoCaseload, type DemoCounts } from '../src/main/demo/demo-caseload';
import { MIGRATIONS_FOLDER } from '../src/main/cli/paths';
import type { ServiceContext } from '../src/main/services/context';
import { VaultManager } from '../src/main/vault/vault-manager';
import type { BenchTarget } from './cases/bench-case';

export const BENCH_PASSPHRASE = 'bench passphrase: seven copper lanterns under the bridge';
export const BENCH_SEED = 1;
/** A fixed "today" and clock, so both databases get byte-for-byte the same rows. */
const TODAY = new Date('2026-11-23T12:00:00');
const now = () => new Date('2026-11-23T15:00:00Z');

export interface BuiltTarget {
  target: BenchTarget;
  close: () => void;
  /** Closes and opens the database again (the encrypted one with its data key, no key derivation): SQLite's page cache is gone. */
  reopen: () => void;
  seedMs: number;
  counts: DemoCounts;
}

/**
 * A plaintext SQLite file with exactly the pragmas openKeyed sets, minus the key, so the
 * comparison isolates the cost of encryption.
 */
export function openPlaintext(path: string): Sqlite {
  const sqlite = new Database(path);
  for (const pragma of CONNECTION_PRAGMAS) sqlite.pragma(pragma);
  return sqlite;
}

function seed(ctx: ServiceContext, families: number): { seedMs: number; counts: DemoCounts; caseIds: number[] } {
  const started = performance.now();
  const counts = seedDemoCaseload(ctx, { families, seed: BENCH_SEED, today: TODAY });
  const seedMs = performance.now() - started;
  const caseIds = (ctx.db.sqlite.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map(({ id }) => id);
  return { seedMs, counts, caseIds };
}

/** The encrypted vault, made the way the app makes one (production key derivation included). */
export async function buildEncrypted(dir: string, families: number): Promise<BuiltTarget & { createMs: number }> {
  // The background integrity check after a reopen would compete with the timed reads; the scale bench times opening.
  const vault = new VaultManager({ path: join(dir, 'bench.advd'), migrationsFolder: MIGRATIONS_FOLDER, now, integrityChecker: () => Promise.resolve(null) });
  const started = performance.now();
  await vault.create(BENCH_PASSPHRASE);
  const createMs = performance.now() - started;
  const ctx: ServiceContext = { db: vault.db(), now };
  const { seedMs, counts, caseIds } = seed(ctx, families);
  const reopen = () => {
    const key = Buffer.from(vault.dataKey());
    vault.lock();
    vault.unlockWithDataKey(key);
    key.fill(0);
    ctx.db = vault.db();
  };
  return { target: { name: 'encrypted', ctx, caseIds }, close: () => vault.lock(), reopen, seedMs, counts, createMs };
}

export function buildPlaintext(dir: string, families: number): BuiltTarget {
  const path = join(dir, 'bench-plaintext.sqlite');
  let sqlite = openPlaintext(path);
  applyMigrations(sqlite, MIGRATIONS_FOLDER);
  const ctx: ServiceContext = { db: wrapOrm(sqlite), now };
  const { seedMs, counts, caseIds } = seed(ctx, families);
  const reopen = () => {
    sqlite.close();
    sqlite = openPlaintext(path);
    ctx.db = wrapOrm(sqlite);
  };
  return { target: { name: 'plaintext', ctx, caseIds }, close: () => sqlite.close(), reopen, seedMs, counts };
}
