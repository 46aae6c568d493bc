import type { z } from 'zod';
import type { VaultDb } from './connection';

/**
 * One JSON setting in the vault's `settings` table, read through a zod schema. A missing or
 * unreadable value (written by another version, edited by hand) gives the default, never a crash.
 */
export function readJsonSetting<T>(db: VaultDb, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = db.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function writeJsonSetting(db: VaultDb, key: string, value: unknown): void {
  db.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
