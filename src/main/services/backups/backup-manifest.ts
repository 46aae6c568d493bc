import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Sqlite } from '../../db/connection';
import { manifestPathFor } from '../../vault/backup-files';

/**
 * Written beside every backup (`….advd.manifest.json`, not secret: counts, ids and one hash). It
 * lets pruning compare the vault with what the last backup held without opening it, and it is an
 * anchor for the audit chain: the chain's head when the backup was taken, kept outside the vault.
 */
export const backupManifestSchema = z.object({
  format: z.literal('advocate-desk-backup-manifest'),
  version: z.literal(1),
  vaultId: z.string().max(100),
  createdAt: z.string().max(40),
  families: z.number().int().min(0),
  rows: z.number().int().min(0),
  auditHead: z.object({ id: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** The tables whose rows are the caseload (the audit log and settings are not). */
const CASELOAD_TABLES = [
  'families',
  'guardians',
  'students',
  'cases',
  'contacts',
  'events',
  'documents',
  'meetings',
  'iee_requests',
  'agreements',
  'agreement_terms',
  'deliveries',
  'tasks',
  'time_entries',
];

export interface CaseloadSize {
  families: number;
  rows: number;
}

export function caseloadSize(sqlite: Sqlite): CaseloadSize {
  const present = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name));
  let rows = 0;
  let families = 0;
  for (const table of CASELOAD_TABLES) {
    if (!present.has(table)) continue;
    const count = (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    rows += count;
    if (table === 'families') families = count;
  }
  return { families, rows };
}

export function auditHeadOf(sqlite: Sqlite): { id: number; hash: string } | null {
  const row = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return row ?? null;
}

export function readBackupManifest(backupPath: string): BackupManifest | null {
  const path = manifestPathFor(backupPath);
  if (!existsSync(path)) return null;
  try {
    const parsed = backupManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
