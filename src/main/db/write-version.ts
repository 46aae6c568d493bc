import type { VaultDb } from './connection';

/** Commits by other connections so far, as this connection sees them. */
function otherCommits(db: VaultDb): number {
  return db.sqlite.pragma('data_version', { simple: true }) as number;
}

/**
 * Where the database stands, for answers kept until the next write: changes on this connection
 * (SQLite's total_changes, triggers included) and commits by any other connection (data_version,
 * the CLI writing into the open vault). Equal versions mean no row changed in between.
 */
export function writeVersion(db: VaultDb): string {
  const changes = db.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}:${otherCommits(db)}`;
}

// Every answer a KeptAnswer has kept: what callers are told never to change (see keptUntilWrite).
const keptAnswers = new WeakSet<object>();

/**
 * True for an object some keptUntilWrite has kept (returned again, unchanged, until the next
 * write): the dispatcher checks such an answer against its contract once, not on every call.
 */
export function isKeptAnswer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && keptAnswers.has(value);
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
 * computing may itself write (the day's stored deadlines refreshed, sightings recorded). An answer
 * is not kept if another connection committed while it was computed (its reads, each a snapshot of
 * its own, may straddle that commit) or if it was computed inside a transaction (which may still be
 * rolled back). `get` returns the kept object itself: callers must not change it.
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
      const before = otherCommits(db);
      const value = compute();
      if (!db.sqlite.inTransaction && otherCommits(db) === before) {
        kept.set(db.sqlite, { version: `${key}:${writeVersion(db)}`, value });
        if (typeof value === 'object' && value !== null) keptAnswers.add(value);
      }
      return value;
    },
  };
}
