import { existsSync, statSync } from 'node:fs';
import type { Sqlite } from '../db/connection';

/**
 * Cheap checks that tell a damaged, emptied or foreign file from a vault, run on every open
 * before anything is written. They never repair: the file is left exactly as found, for the
 * recovery screen (and `cli verify`, exit 3) to report.
 */

/** The setting that ties a database to its key file: the key file's vaultId, written at create. */
export const VAULT_ID_SETTING = 'vault.id';

const RESTORE_HINT = 'Nothing was changed. Restore the vault from a backup (Settings → Backups, or a copy you kept) with its key file.';

/** Before opening: a 0-byte or sub-page file is never a vault (a failed sync or a truncated copy). */
export function fileShapeProblem(path: string): string | null {
  const size = statSync(path).size;
  if (size === 0) return `The vault file is empty (0 bytes), so it holds no data: it was probably truncated by a failed sync or copy. ${RESTORE_HINT}`;
  if (size < 512) return `The vault file is only ${size} bytes long, too short to be a vault: it was truncated. ${RESTORE_HINT}`;
  return null;
}

function walBytes(path: string): number {
  const wal = `${path}-wal`;
  return existsSync(wal) ? statSync(wal).size : 0;
}

/**
 * After keying: the database's own idea of its size (page count × page size) must match the file.
 * A truncated file is shorter; appended junk makes it longer. With WAL frames pending (after a
 * crash) the newest pages may live in the -wal file, so only a partial page is proof then.
 */
export function layoutProblem(sqlite: Sqlite, path: string): string | null {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
  const size = statSync(path).size;
  if (size % pageSize !== 0) {
    return `The vault file ends part-way through a page (${size} bytes, pages of ${pageSize}): it was truncated or altered. ${RESTORE_HINT}`;
  }
  if (walBytes(path) === 0 && pageCount * pageSize !== size) {
    return `The vault file is ${size} bytes but its pages say ${pageCount * pageSize}: it was truncated or altered. ${RESTORE_HINT}`;
  }
  return null;
}

function hasTable(sqlite: Sqlite, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * A vault always has its migration history, its settings and its audit log, and (from this
 * version on) the id of the key file it belongs to. A database without them is not a vault,
 * even if it opens with the key: opening must never quietly initialise it.
 */
export function schemaProblem(sqlite: Sqlite, vaultId: string): string | null {
  for (const table of ['__drizzle_migrations', 'settings', 'audit_log']) {
    if (!hasTable(sqlite, table)) {
      return `The file opens with this vault's key but holds no vault (the ${table} table is missing): it was emptied or replaced. ${RESTORE_HINT}`;
    }
  }
  const stored = storedVaultId(sqlite);
  if (stored !== null && stored !== vaultId) {
    return `This database belongs to another vault (id ${stored.slice(0, 8)}…) than its key file (id ${vaultId.slice(0, 8)}…). Put the database and the key file from the same vault or backup side by side. ${RESTORE_HINT}`;
  }
  return null;
}

export function storedVaultId(sqlite: Sqlite): string | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(VAULT_ID_SETTING) as { value: string } | undefined;
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as unknown;
    return typeof value === 'string' ? value : '(unreadable)';
  } catch {
    return '(unreadable)';
  }
}

/** Written at create, and once into a vault made by an older version (which had no such row). */
export function recordVaultId(sqlite: Sqlite, vaultId: string): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(VAULT_ID_SETTING, JSON.stringify(vaultId));
}

/** Set by a backup that left old backups in place because the vault looked emptied; read at unlock. */
export const PRUNE_SKIPPED_SETTING = 'backups.pruneSkipped';

export function pruneSkippedNotice(sqlite: Sqlite): string | null {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(PRUNE_SKIPPED_SETTING) as { value: string } | undefined;
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as { reason?: unknown };
    return typeof value.reason === 'string' ? value.reason : null;
  } catch {
    return null;
  }
}
