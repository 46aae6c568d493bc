import type { Sqlite } from '../db/connection';
import { AUDIT_GENESIS_HASH, auditHash } from '../services/audit/audit-service';

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

/**
 * Recomputes the audit log's hash chain: each row must name the previous row's hash and carry
 * the hash of its own contents, so an edited, removed or inserted row shows up here.
 */
export function checkAuditChain(sqlite: Sqlite): CheckResult {
  const rows = sqlite
    .prepare('SELECT id, at, action, entity, entity_id, family_id, detail, previous_hash, hash FROM audit_log ORDER BY id')
    .iterate() as Iterable<{
    id: number;
    at: string;
    action: string;
    entity: string;
    entity_id: number | null;
    family_id: number | null;
    detail: string | null;
    previous_hash: string;
    hash: string;
  }>;
  let previous = AUDIT_GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    const expected = auditHash(previous, { at: row.at, action: row.action, entity: row.entity, entityId: row.entity_id, familyId: row.family_id, detail: row.detail });
    if (row.previous_hash !== previous || row.hash !== expected) {
      return { name: 'Audit chain', isOk: false, summary: `broken at entry #${row.id} (after ${count} good entries)` };
    }
    previous = row.hash;
    count++;
  }
  return { name: 'Audit chain', isOk: true, summary: `ok (${count} ${count === 1 ? 'entry' : 'entries'})` };
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
