import { readFileSync } from 'node:fs';
import { parseKeyEnvelope } from '../../vault/key-envelope';
import { keysPathFor, type VaultManager } from '../../vault/vault-manager';
import { listBackupFiles } from '../../vault/backup-files';
import { readBackupManifest } from '../backups/backup-manifest';
import { readBackupSettings } from '../backups/backup-scheduler';
import type { AuditAnchor } from './audit-verify';

/** The chain head as the advocate exports or prints it; `parseAnchorText` reads it back. */
export function formatAuditHead(head: { id: number; hash: string }): string {
  return `advocate-desk audit head #${head.id} sha256:${head.hash}`;
}

/** Accepts what `formatAuditHead` writes, or just `ID:HASH`. */
export function parseAnchorText(text: string): { id: number; hash: string } | null {
  const match = /^\s*(?:advocate-desk audit head\s+)?#?(\d{1,15})\s*[: ]\s*(?:sha256:)?([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!match) return null;
  const id = Number(match[1]);
  return id >= 1 ? { id, hash: match[2]!.toLowerCase() } : null;
}

/** Every backup manifest of this vault in `folder` is an anchor: the head when that backup was taken. */
export function backupAnchors(folder: string, vaultId: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  for (const backup of listBackupFiles(folder, vaultId)) {
    const head = readBackupManifest(backup.path)?.auditHead;
    if (head) anchors.push({ ...head, source: `the manifest of backup ${backup.fileName}` });
  }
  return anchors;
}

/** The anchors this vault can find by itself: the manifests in its backup folder. */
export function vaultAnchors(vault: VaultManager): AuditAnchor[] {
  const folder = readBackupSettings(vault).folder;
  if (!folder) return [];
  try {
    const vaultId = parseKeyEnvelope(readFileSync(keysPathFor(vault.vaultPath), 'utf8')).vaultId;
    return backupAnchors(folder, vaultId);
  } catch {
    return [];
  }
}
