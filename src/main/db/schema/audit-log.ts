import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained record of who did what to which record. It holds ids and action
 * names only, never names or notes, so a purge can leave it in place. Triggers in the migration
 * refuse UPDATE and DELETE.
 */
export const auditLogTable = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** create | update | delete | purge | archive | export | print | unlock | ... */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    familyId: integer('family_id'),
    detail: text('detail'),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [index('audit_log_family_idx').on(table.familyId)],
);
export type AuditRow = typeof auditLogTable.$inferSelect;
