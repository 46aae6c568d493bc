import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import type { BackupEntry } from '@shared/domain/protection';
import { parseKeyEnvelope } from './key-envelope';

// Partial backups are named and cleared in lib/, so the vault's start-up clean-up can use them too.
export { partialName, removePartialBackups } from '../lib/partial-backups';
import { PARTIAL_NAME } from '../lib/partial-backups';

dayjs.extend(customParseFormat);

/**
 * Backup files are `caseload-YYYYMMDD-HHMMSS.advd` (local time, so the advocate recognises them)
 * with their key file `….advd.keys` beside them. Only files with exactly this shape whose key file
 * names this vault are ever listed or deleted: the folder may hold anything else.
 */
const BACKUP_NAME = /^caseload-(\d{8})-(\d{6})(?:-(\d{1,3}))?\.advd$/;

export function backupBaseName(now: Date): string {
  return `caseload-${dayjs(now).format('YYYYMMDD-HHmmss')}`;
}

/** A free file name for a backup taken now (a second backup in the same second gets -1, -2...). */
export function freeBackupName(folder: string, now: Date): string {
  const base = backupBaseName(now);
  for (let suffix = 0; suffix < 1000; suffix++) {
    const name = suffix === 0 ? `${base}.advd` : `${base}-${suffix}.advd`;
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, `${name}.keys`))) return name;
  }
  throw new Error('Too many backups in the same second.');
}

export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

function vaultIdOfKeyFile(path: string): string | null {
  try {
    return parseKeyEnvelope(readFileSync(path, 'utf8')).vaultId;
  } catch {
    return null;
  }
}

/** This vault's backups in `folder`, newest first. */
export function listBackupFiles(folder: string, vaultId: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const entries: (BackupEntry & { order: string })[] = [];
  for (const name of readdirSync(folder)) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    if (vaultIdOfKeyFile(`${path}.keys`) !== vaultId) continue;
    const taken = dayjs(`${match[1]}${match[2]}`, 'YYYYMMDDHHmmss', true);
    entries.push({
      fileName: name,
      path,
      createdAt: taken.isValid() ? taken.toDate().toISOString() : statSync(path).mtime.toISOString(),
      sizeBytes: statSync(path).size,
      order: `${match[1]}${match[2]}${(match[3] ?? '').padStart(3, '0')}`,
    });
  }
  entries.sort((left, right) => (left.order < right.order ? 1 : left.order > right.order ? -1 : 0));
  return entries.map(({ order: _order, ...entry }) => entry);
}

/** The manifest beside each backup: its vault, its size in rows and the audit chain's head then. */
export function manifestPathFor(backupPath: string): string {
  return `${backupPath}.manifest.json`;
}

function removeBackup(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '.keys', '.manifest.json']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Keeps the newest `keep` backups of this vault and deletes the older ones (database and key
 * file). Also clears temporary files of ours left by a backup interrupted more than an hour ago.
 */
export function pruneBackups(folder: string, vaultId: string, keep: number, now: Date): string[] {
  const removed: string[] = [];
  for (const entry of listBackupFiles(folder, vaultId).slice(keep)) {
    removeBackup(entry.path);
    removed.push(entry.fileName);
  }
  for (const name of readdirSync(folder)) {
    if (!PARTIAL_NAME.test(name)) continue;
    const path = join(folder, name);
    if (now.getTime() - statSync(path).mtimeMs > 60 * 60_000) rmSync(path, { force: true });
  }
  return removed;
}
