import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Vault-wide preferences (thresholds, jurisdiction overrides...), as JSON values. */
export const settingsTable = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
