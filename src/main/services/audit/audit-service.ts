import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { VaultDb } from '../../db/connection';
import { auditLogTable } from '../../db/schema';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'purge'
  | 'archive'
  | 'restore'
  | 'export'
  | 'print'
  | 'link'
  | 'unlink'
  /** A deadline or task marked done, snoozed (until a date, with a reason) or reopened. */
  | 'complete'
  | 'snooze'
  | 'reopen';

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId: number | null;
  familyId: number | null;
  /** A short machine-readable note (field names changed, counts): never names or notes. */
  detail?: string;
}

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export function auditHash(
  previousHash: string,
  row: { at: string; action: string; entity: string; entityId: number | null; familyId: number | null; detail: string | null },
): string {
  return createHash('sha256')
    .update(JSON.stringify([previousHash, row.at, row.action, row.entity, row.entityId, row.familyId, row.detail]))
    .digest('hex');
}

/**
 * Appends one hash-chained row. Call it inside the same transaction as the change it records,
 * so a change and its audit row exist together or not at all.
 */
export function recordAudit(db: VaultDb, entry: AuditEntry, now: Date): void {
  const last = db.orm.select({ hash: auditLogTable.hash }).from(auditLogTable).orderBy(desc(auditLogTable.id)).limit(1).get();
  const row = {
    at: now.toISOString(),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    familyId: entry.familyId,
    detail: entry.detail ?? null,
  };
  const previousHash = last?.hash ?? AUDIT_GENESIS_HASH;
  db.orm
    .insert(auditLogTable)
    .values({ ...row, previousHash, hash: auditHash(previousHash, row) })
    .run();
}
