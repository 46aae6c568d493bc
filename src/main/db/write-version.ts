import type { VaultDb } from './connection';

/**
 * Where the database stands, for answers kept until the next write: changes on this connection
 * (SQLite's total_changes, triggers included) and commits by any other connection (data_version,
 * the CLI writing into the open vault). Equal versions mean no row changed in between.
 */
export function writeVersion(db: VaultDb): string {
  const changes = db.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${db.sqlite.pragma('data_version', { simple: true }) as number}`;
}
