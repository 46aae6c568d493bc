import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Sqlite } from './connection';

export interface MigrationPlan {
  applied: number;
  pending: number;
  /** The vault has data from an older schema (not a brand-new file). */
  hasExistingSchema: boolean;
}

function appliedMigrationTimes(sqlite: Sqlite): number[] {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!table) return [];
  return (sqlite.prepare('SELECT created_at FROM __drizzle_migrations').all() as { created_at: number }[]).map((row) => Number(row.created_at));
}

export function planMigrations(sqlite: Sqlite, migrationsFolder: string): MigrationPlan {
  const files = readMigrationFiles({ migrationsFolder });
  const applied = appliedMigrationTimes(sqlite);
  const lastApplied = applied.length ? Math.max(...applied) : 0;
  const pending = files.filter((file) => file.folderMillis > lastApplied).length;
  const userTables = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() as { n: number };
  return { applied: applied.length, pending, hasExistingSchema: userTables.n > 0 };
}

/**
 * Applies pending migrations. SQLite ignores `PRAGMA foreign_keys` inside a transaction, so a table
 * rebuild in a migration could cascade-delete child rows: turn the checks off outside the
 * migrator's transaction, migrate, verify with foreign_key_check, then turn them back on.
 */
export function applyMigrations(sqlite: Sqlite, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration left ${violations.length} broken references`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
