import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;
export type Sqlite = Database.Database;

/** The open, keyed vault database: drizzle for most queries, the raw handle for hand-written SQL. */
export interface VaultDb {
  orm: Orm;
  sqlite: Sqlite;
}

export interface OpenOptions {
  /** Create the file if it does not exist. Unlock never does: a typo in a path must not make a new vault. */
  create: boolean;
  /** Override the native binding (Electron can point at its own build). */
  nativeBinding?: string;
}

/**
 * Connection settings, after the key. WAL with synchronous=FULL (no acknowledged transaction lost),
 * temp_store=MEMORY (no plaintext spill), secure_delete (deleted rows do not linger in free
 * pages). A larger page cache and WAL checkpoint interval matter more here than for plain SQLite:
 * every page read from disk is decrypted and every checkpoint re-encrypts the pages it copies, so
 * fewer cache misses and fewer, larger checkpoints keep the cipher's cost small. The bench opens
 * its plaintext reference with the same list, so the comparison is fair.
 */
export const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'temp_store = MEMORY',
  'secure_delete = ON',
  'busy_timeout = 5000',
  'cache_size = -65536',
  'wal_autocheckpoint = 8192',
] as const;

/**
 * Opens and keys the database before any other statement. A wrong key is not reported by the
 * keying itself, so the probe reads the schema at once; then CONNECTION_PRAGMAS.
 */
export function openKeyed(path: string, dataKey: Buffer, options: OpenOptions): Sqlite {
  const sqlite = new Database(path, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    sqlite.key(dataKey);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    for (const pragma of CONNECTION_PRAGMAS) sqlite.pragma(pragma);
    return sqlite;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export function wrapOrm(sqlite: Sqlite): VaultDb {
  return { sqlite, orm: drizzle(sqlite, { schema }) };
}

/** 'ok' or the problems SQLite found. Corrupt pages may throw instead of reporting; both count. */
export function quickCheck(sqlite: Sqlite): string {
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems.length === 0 ? 'ok' : problems.slice(0, 10).join('; ');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
