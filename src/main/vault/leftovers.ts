import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Sqlite } from '../db/connection';
import { ATOMIC_TEMP_NAME, type TempJournal } from '../lib/atomic-file';
import { removePartialBackups } from '../lib/partial-backups';

/** The list of temp files being written (binders, exports), kept inside the encrypted vault. */
export const PENDING_TEMPS_SETTING = 'files.pendingTemps';

function readPending(sqlite: Sqlite): string[] {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(PENDING_TEMPS_SETTING) as { value: string } | undefined;
  if (!row) return [];
  try {
    const value = JSON.parse(row.value) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function writePending(sqlite: Sqlite, paths: string[]): void {
  if (paths.length === 0) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(PENDING_TEMPS_SETTING);
  else
    sqlite
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(PENDING_TEMPS_SETTING, JSON.stringify(paths.slice(-200)));
}

export function vaultTempJournal(sqlite: Sqlite): TempJournal {
  return {
    add: (path) => writePending(sqlite, [...readPending(sqlite), path]),
    remove: (path) =>
      writePending(
        sqlite,
        readPending(sqlite).filter((item) => item !== path),
      ),
  };
}

function migrationPartialPattern(vaultPath: string): RegExp {
  const escaped = basename(vaultPath).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${escaped}\\.before-migration-[^/]*\\.partial(-journal|-wal|-shm)?$`);
}

/**
 * Removes what a crash or a kill can leave half-written: a migration copy not yet renamed, temp
 * files of the key file and the backoff counter (beside the vault); and, once unlocked, the temp
 * files of binders and exports listed in the vault and the partial backups in the backup folder.
 * Only names of the exact shapes this app writes are touched. Returns the names removed.
 */
export function cleanLeftovers(vaultPath: string, sqlite: Sqlite | null, backupFolder: string | null = null): string[] {
  const removed: string[] = [];
  const folder = dirname(vaultPath);
  const prefix = `.${basename(vaultPath)}`;
  if (existsSync(folder)) {
    const migration = migrationPartialPattern(vaultPath);
    for (const name of readdirSync(folder)) {
      if (migration.test(name) || (name.startsWith(prefix) && ATOMIC_TEMP_NAME.test(name))) {
        rmSync(join(folder, name), { force: true });
        removed.push(name);
      }
    }
  }
  if (sqlite) {
    const pending = readPending(sqlite);
    for (const path of pending) {
      if (!ATOMIC_TEMP_NAME.test(basename(path))) continue;
      if (existsSync(path)) {
        rmSync(path, { force: true });
        removed.push(basename(path));
      }
    }
    if (pending.length) writePending(sqlite, []);
  }
  if (backupFolder) removed.push(...removePartialBackups(backupFolder));
  return removed;
}
