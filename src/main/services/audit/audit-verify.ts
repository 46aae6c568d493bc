import { createHash } from 'node:crypto';
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

/** A chain head kept outside the vault, and where it came from (for the message). */
export interface AuditAnchor {
  id: number;
  hash: string;
  source: string;
}

/**
 * The audit log's table, index and guard triggers as the migrations create them, fingerprinted.
 * SQLite cannot forbid ALTER TABLE or DROP TRIGGER, so verification compares instead: a renamed
 * table, a dropped or changed guard shows up here. A migration that changes the audit schema on
 * purpose updates this constant (a test compares it with a freshly created vault).
 */
export const AUDIT_SCHEMA_FINGERPRINT = '7f7279fe96f3b93d969be73a1eb3310b48afd6b1b442c68c6045db09b9bc19e7';
const AUDIT_OBJECTS = ['audit_log', 'audit_log_family_idx', 'audit_log_in_chain', 'audit_log_no_delete', 'audit_log_no_replace', 'audit_log_no_update'];

export function auditSchemaFingerprint(db: VaultDb): { fingerprint: string; names: string[] } {
  const rows = db.sqlite
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE tbl_name = 'audit_log' OR name LIKE 'audit_log%' ORDER BY name")
    .all() as { type: string; name: string; tableName: string; sql: string | null }[];
  const fingerprint = createHash('sha256')
    .update(JSON.stringify(rows.map((row) => [row.type, row.name, row.sql])))
    .digest('hex');
  // Only objects that still belong to the audit_log table count as present (a renamed table takes its triggers along).
  return { fingerprint, names: rows.filter((row) => row.tableName === 'audit_log').map((row) => row.name) };
}

function broken(count: number, firstBrokenId: number | null, reason: string, head: AuditVerification['head'], anchorsChecked = 0): AuditVerification {
  return { isIntact: false, count, firstBrokenId, reason, head, anchorsChecked };
}

export function auditHead(db: VaultDb): { id: number; hash: string } | null {
  return (db.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? null;
}

/**
 * Checks the audit trail in four ways, and names the first disagreement:
 * 1. its schema: the table and its append-only guards are as the migrations made them;
 * 2. the hash chain from the first row: an edited row breaks at that row, a removed one at the next;
 * 3. the AUTOINCREMENT counter: the newest rows removed leave a gap below it;
 * 4. every anchor (a chain head recorded outside the vault: each backup's manifest, a head the
 *    advocate exported or printed): the entry it names must still exist with the same hash. This is
 *    what catches a key holder who recomputed every later hash, or removed the newest entries and
 *    lowered the counter. Someone who also controls every anchor cannot be caught (README).
 */
export function verifyAuditChain(db: VaultDb, anchors: readonly AuditAnchor[] = []): AuditVerification {
  const head = (() => {
    try {
      return auditHead(db);
    } catch {
      return null;
    }
  })();
  const schema = auditSchemaFingerprint(db);
  if (schema.fingerprint !== AUDIT_SCHEMA_FINGERPRINT) {
    const missing = AUDIT_OBJECTS.filter((name) => !schema.names.includes(name));
    return broken(
      0,
      null,
      `The audit log's table or its guards were changed (${missing.length ? `missing: ${missing.join(', ')}` : 'definition differs from this version'}), so entries could have been rewritten.`,
      head,
    );
  }
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
      return broken(count, row.id, 'This entry does not follow the one before it: an entry was removed or changed.', head);
    }
    if (auditHash(row.previousHash, row) !== row.hash) {
      return broken(count, row.id, 'This entry was changed after it was written.', head);
    }
    previous = row.hash;
    lastId = row.id;
  }
  const sequence = db.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
  if (sequence && sequence.seq > lastId) {
    return broken(count, lastId + 1, `The newest entries (from id ${lastId + 1} to ${sequence.seq}) were removed.`, head);
  }
  const byId = db.sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?');
  const ordered = [...anchors].sort((left, right) => left.id - right.id);
  let lastAgreeing = 0;
  for (const anchor of ordered) {
    const row = byId.get(anchor.id) as { hash: string } | undefined;
    if (!row) {
      return broken(
        count,
        anchor.id,
        `Entry #${anchor.id}, recorded in ${anchor.source}, is gone: the newest entries were removed (and the counter lowered to hide it).`,
        head,
        ordered.length,
      );
    }
    if (row.hash !== anchor.hash) {
      return broken(
        count,
        anchor.id,
        `Entry #${anchor.id} differs from ${anchor.source}: the trail was rewritten after entry #${lastAgreeing} and its hashes recomputed.`,
        head,
        ordered.length,
      );
    }
    lastAgreeing = anchor.id;
  }
  return { isIntact: true, count, firstBrokenId: null, reason: null, head, anchorsChecked: ordered.length };
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
