import type { AuditEntry, AuditVerification } from '@shared/domain/protection';
import type { VaultDb } from '../../db/connection';
import { AUDIT_GENESIS_HASH, auditHash } from './audit-service';

interface StoredRow {
  id: number;
  at: string;
  action: string;
  entity: string;
  entityId: number | null;
  familyId: number | null;
  detail: string | null;
  previousHash: string;
  hash: string;
}

/**
 * Walks the hash chain from the first row. Each row must link to the hash of the row before it
 * and its own hash must match its content, so an edited row breaks at that row and a deleted row
 * breaks at the next one. Removing the newest rows leaves a valid shorter chain; the AUTOINCREMENT
 * counter (sqlite_sequence) still remembers the highest id ever given, which catches that too,
 * unless whoever did it also rewrote the counter (the chain can only prove what it covers).
 */
export function verifyAuditChain(db: VaultDb): AuditVerification {
  const rows = db.sqlite
    .prepare(
      `SELECT id, at, action, entity, entity_id AS entityId, family_id AS familyId, detail,
              previous_hash AS previousHash, hash
         FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<StoredRow>;
  let previous = AUDIT_GENESIS_HASH;
  let count = 0;
  let lastId = 0;
  for (const row of rows) {
    count++;
    if (row.previousHash !== previous) {
      return { isIntact: false, count, firstBrokenId: row.id, reason: 'This entry does not follow the one before it: an entry was removed or changed.' };
    }
    if (auditHash(row.previousHash, row) !== row.hash) {
      return { isIntact: false, count, firstBrokenId: row.id, reason: 'This entry was changed after it was written.' };
    }
    previous = row.hash;
    lastId = row.id;
  }
  const sequence = db.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
  if (sequence && sequence.seq > lastId) {
    return { isIntact: false, count, firstBrokenId: lastId + 1, reason: `The newest entries (from id ${lastId + 1} to ${sequence.seq}) were removed.` };
  }
  return { isIntact: true, count, firstBrokenId: null, reason: null };
}

export interface AuditPageInput {
  familyId?: number | undefined;
  /** Entries older than this id (the viewer pages backwards from the newest). */
  beforeId?: number | undefined;
  limit: number;
}

/** Newest first; ids and action names only (the log never holds names or notes). */
export function listAudit(db: VaultDb, input: AuditPageInput): { entries: AuditEntry[]; hasMore: boolean } {
  const rows = db.sqlite
    .prepare(
      `SELECT id, at, action, entity, entity_id AS entityId, family_id AS familyId
         FROM audit_log
        WHERE (:familyId IS NULL OR family_id = :familyId)
          AND (:beforeId IS NULL OR id < :beforeId)
        ORDER BY id DESC
        LIMIT :limit`,
    )
    .all({ familyId: input.familyId ?? null, beforeId: input.beforeId ?? null, limit: input.limit + 1 }) as AuditEntry[];
  return { entries: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
}
