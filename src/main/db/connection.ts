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
 * Opens and keys the database before any other statement. A wrong key is not reported by the
 * keying itself, so the probe reads the schema at once. Pragmas follow SETUP-NOTES: WAL with
 * synchronous=FULL (no acknowledged transaction lost), temp_store=MEMORY (no plaintext spill),
 * secure_delete (deleted rows do not linger in free pages).
 */
export function openKeyed(path: string, dataKey: Buffer, options: OpenOptions): Sqlite {
  const sqlite = new Database(path, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    sqlite.key(dataKey);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('busy_timeout = 5000');
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
