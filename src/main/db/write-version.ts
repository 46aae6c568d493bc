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

/** An answer kept per connection until the next write (`keptUntilWrite`). */
export interface KeptAnswer<T> {
  /** The kept answer if no row changed since and `key` is the same, else `compute`'s, then kept. */
  get(db: VaultDb, key: string, compute: () => T): T;
  /** The kept answer if it is still current, without computing anything. */
  peek(db: VaultDb, key: string): T | undefined;
}

/**
 * One answer per connection (and per `key`, the day where it depends on it), kept until the next
 * write: `compute` runs again only when a row changed. The version is taken after computing, since
 * computing may itself write (the day's stored deadlines refreshed, sightings recorded). `get`
 * returns the kept object itself: callers must not change it.
 */
export function keptUntilWrite<T>(): KeptAnswer<T> {
  const kept = new WeakMap<VaultDb['sqlite'], { version: string; value: T }>();
  const peek = (db: VaultDb, key: string): T | undefined => {
    const last = kept.get(db.sqlite);
    return last?.version === `${key}:${writeVersion(db)}` ? last.value : undefined;
  };
  return {
    peek,
    get(db, key, compute) {
      const last = peek(db, key);
      if (last !== undefined) return last;
      const value = compute();
      kept.set(db.sqlite, { version: `${key}:${writeVersion(db)}`, value });
      return value;
    },
  };
}
