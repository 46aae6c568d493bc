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
 * How the vault's pages are encrypted (SQLite3 Multiple Ciphers). AEGIS-256 is an authenticated
 * cipher built on AES rounds, so it runs on the processor's AES instructions: a page read from
 * disk decrypts two to three times faster than with ChaCha20-Poly1305 here. It is keyed with the
 * data key itself ("raw:"): the data key is 256 random bits, not a passphrase, so a key
 * derivation adds nothing but the 25-30 ms of PBKDF2 that sqleet ran on every open. A tampered
 * or foreign page fails the cipher's tag, as before.
 *
 * Vaults written before this used ChaCha20-Poly1305 with SQLite3 Multiple Ciphers' PBKDF2 of
 * the data key ('legacy'): they still open, and the vault converts itself once on unlock
 * (`convertToCurrentCipher`).
 */
export type PageCipher = 'aegis-256' | 'legacy';

function keyAs(sqlite: Sqlite, dataKey: Buffer, cipher: PageCipher): void {
  if (cipher === 'legacy') {
    sqlite.key(dataKey);
    return;
  }
  useCurrentCipher(sqlite);
  withRawKey(dataKey, (raw) => sqlite.key(raw));
}

/** The connection's cipher for the next key or rekey: AEGIS-256, named in full so a new default elsewhere never changes it. */
function useCurrentCipher(sqlite: Sqlite): void {
  sqlite.pragma("cipher = 'aegis'");
  sqlite.pragma("algorithm = 'aegis-256'");
}

/**
 * "raw:" and the key's bytes, the one form SQLite3 Multiple Ciphers takes without a derivation;
 * the copy is zeroed once used, like every other copy of the data key.
 */
function withRawKey(dataKey: Buffer, use: (raw: Buffer) => void): void {
  const raw = Buffer.concat([Buffer.from('raw:'), dataKey]);
  try {
    use(raw);
  } finally {
    raw.fill(0);
  }
}

const isNotADatabase = (error: unknown) => error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'SQLITE_NOTADB';

/**
 * Opens `path` and keys it before any other statement; a wrong key is not reported by the keying
 * itself, so the probe reads the schema at once. The current cipher is tried first; a file it
 * cannot read is tried once more as a legacy vault. A failed try only reads page 1: it touches
 * neither the file nor its WAL. Throws SQLite's error of the last try (SQLITE_NOTADB for a wrong
 * key or a foreign file).
 */
export function openWithKey(path: string, dataKey: Buffer, settings: Database.Options): { sqlite: Sqlite; cipher: PageCipher } {
  let lastError: unknown;
  for (const cipher of ['aegis-256', 'legacy'] as const) {
    const sqlite = new Database(path, settings);
    try {
      keyAs(sqlite, dataKey, cipher);
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      return { sqlite, cipher };
    } catch (error) {
      sqlite.close();
      if (!isNotADatabase(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

/**
 * Rewrites every page of a legacy vault with the current cipher, in one transaction (a crash
 * leaves the legacy file whole, which opens as before).
 */
export function convertToCurrentCipher(sqlite: Sqlite, dataKey: Buffer): void {
  useCurrentCipher(sqlite);
  withRawKey(dataKey, (raw) => sqlite.rekey(raw));
}

/** Opens and keys the vault database (`openWithKey`), then CONNECTION_PRAGMAS. */
export function openKeyed(path: string, dataKey: Buffer, options: OpenOptions): Sqlite {
  return openKeyedWithCipher(path, dataKey, options).sqlite;
}

export function openKeyedWithCipher(path: string, dataKey: Buffer, options: OpenOptions): { sqlite: Sqlite; cipher: PageCipher } {
  const opened = openWithKey(path, dataKey, {
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    for (const pragma of CONNECTION_PRAGMAS) opened.sqlite.pragma(pragma);
    return opened;
  } catch (error) {
    opened.sqlite.close();
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
