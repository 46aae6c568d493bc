import { eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import type { VaultDb } from '../../db/connection';
import { settingsTable } from '../../db/schema';
import type { ServiceContext } from '../context';

/** Today as the advocate's local calendar date, from the injected clock. */
export function todayOf(ctx: ServiceContext): string {
  return dayjs(ctx.now()).format('YYYY-MM-DD');
}

export function readSetting(db: VaultDb, key: string): unknown {
  return db.orm.select({ value: settingsTable.value }).from(settingsTable).where(eq(settingsTable.key, key)).get()?.value;
}

/** Settings whose key starts with `prefix`, keyed by the rest of the key. */
export function readSettingsWithPrefix(db: VaultDb, prefix: string): Map<string, unknown> {
  const rows = db.sqlite.prepare('SELECT key, value FROM settings WHERE key >= ? AND key < ?').all(prefix, `${prefix}\uffff`) as {
    key: string;
    value: string;
  }[];
  return new Map(rows.map((row) => [row.key.slice(prefix.length), JSON.parse(row.value) as unknown]));
}

export function writeSetting(db: VaultDb, key: string, value: unknown): void {
  db.orm.insert(settingsTable).values({ key, value }).onConflictDoUpdate({ target: settingsTable.key, set: { value } }).run();
}

export function deleteSetting(db: VaultDb, key: string): void {
  db.orm.delete(settingsTable).where(eq(settingsTable.key, key)).run();
}
