import type { Sqlite } from '../db/connection';

export interface CheckResult {
  name: string;
  isOk: boolean;
  /** What was found: counts and row ids only, never case data. */
  summary: string;
}

/** SQLite's full integrity check (every page, index and constraint), not just the quick one unlock runs. */
export function checkIntegrity(sqlite: Sqlite): CheckResult {
  try {
    const rows = sqlite.pragma('integrity_check(10)') as { integrity_check: string }[];
    const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
    return { name: 'Integrity', isOk: problems.length === 0, summary: problems.length === 0 ? 'ok' : problems.join('; ') };
  } catch (error) {
    return { name: 'Integrity', isOk: false, summary: error instanceof Error ? error.message : String(error) };
  }
}

export function checkForeignKeys(sqlite: Sqlite): CheckResult {
  const violations = sqlite.pragma('foreign_key_check') as { table: string; rowid: number }[];
  if (violations.length === 0) return { name: 'References', isOk: true, summary: 'ok' };
  const tables = [...new Set(violations.map((violation) => violation.table))].sort();
  return { name: 'References', isOk: false, summary: `${violations.length} broken references in ${tables.join(', ')}` };
}

/** Rows per user table (SQLite's and the migrator's own bookkeeping tables left out), by name. */
export function rowCounts(sqlite: Sqlite): { table: string; rows: number }[] {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name")
    .all() as { name: string }[];
  return tables.map(({ name }) => ({
    table: name,
    rows: (sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n,
  }));
}

export function appliedMigrationCount(sqlite: Sqlite): number {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return hasTable ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}
