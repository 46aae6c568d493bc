import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BackupEntry } from '@shared/domain/protection';
import { openWithKey, quickCheck, type Sqlite } from '../../db/connection';
import { ensurePrivateDir, writeFileAtomically } from '../../lib/atomic-file';
import { parseKeyEnvelope } from '../../vault/key-envelope';
import { keysPathFor, type VaultManager } from '../../vault/vault-manager';
import { recordAudit } from '../audit/audit-service';
import { PRUNE_SKIPPED_SETTING } from '../../vault/vault-checks';
import { writeJsonSetting } from '../session/stored-settings';
import { backupBaseName, freeBackupName, listBackupFiles, manifestPathFor, partialName, pruneBackups } from '../../vault/backup-files';
import { auditHeadOf, caseloadSize, readBackupManifest, type BackupManifest, type CaseloadSize } from './backup-manifest';

export interface BackupOptions {
  folder: string;
  /** Generations to keep, this one included. */
  keep: number;
  now: Date;
}

/**
 * Opens a vault file read-only with its data key and checks it: the key must decrypt it (a wrong
 * key or a tampered page fails the page cipher's authentication) and quick_check must pass.
 * Returns the open handle for further checks; the caller closes it.
 */
export function openVerified(path: string, dataKey: Buffer): Sqlite {
  let sqlite: Sqlite | null = null;
  try {
    ({ sqlite } = openWithKey(path, dataKey, { readonly: true, fileMustExist: true }));
    sqlite.pragma('temp_store = MEMORY');
  } catch (error) {
    sqlite?.close();
    throw new AppError(
      'VAULT_DAMAGED',
      `This backup cannot be read with its key: it is damaged or was altered (${error instanceof Error ? error.message : 'unknown error'}).`,
    );
  }
  const check = quickCheck(sqlite);
  if (check !== 'ok') {
    sqlite.close();
    throw new AppError('VAULT_DAMAGED', `This backup failed its integrity check, so it was not used: ${check}`);
  }
  return sqlite;
}

function schemaObjectCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n;
}

/**
 * Writes an encrypted copy of the open vault into `folder`, verifies it, and keeps `keep`
 * generations. The copy is made with VACUUM INTO, which writes pages encrypted with the same key;
 * `serialize()` would hand back plaintext and is never used for this. The documents live inside
 * the database (document_contents), so this one copy includes every document; there is no
 * separate document store to copy.
 *
 * Steps: VACUUM INTO a hidden temporary name in the target folder (same file system, so the final
 * rename is atomic), open it read-only with the data key and quick_check it, write the key file
 * beside it, then rename it into place. A failure at any step leaves no half backup behind.
 */
export function createBackup(vault: VaultManager, options: BackupOptions): BackupEntry {
  const sqlite = vault.db().sqlite;
  const dataKey = vault.dataKey();
  const keysBytes = readFileSync(keysPathFor(vault.vaultPath));
  const vaultId = parseKeyEnvelope(keysBytes.toString('utf8')).vaultId;

  try {
    ensurePrivateDir(options.folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError('VALIDATION', `The backup folder cannot be written (${code}). Choose another folder, or check the drive is connected.`, {
      folder: 'Cannot be written',
    });
  }
  const previous = listBackupFiles(options.folder, vaultId)[0];
  const previousSize = previous ? sizeOfBackup(previous.path, dataKey) : null;
  const size = caseloadSize(sqlite);
  const manifest: BackupManifest = {
    format: 'advocate-desk-backup-manifest',
    version: 1,
    vaultId,
    createdAt: options.now.toISOString(),
    families: size.families,
    rows: size.rows,
    auditHead: auditHeadOf(sqlite),
  };
  const finalName = freeBackupName(options.folder, options.now);
  const finalPath = join(options.folder, finalName);
  const temp = join(options.folder, partialName(backupBaseName(options.now), randomBytes(6).toString('hex')));
  try {
    const expectedObjects = schemaObjectCount(sqlite);
    sqlite.prepare('VACUUM INTO ?').run(temp);
    chmodSync(temp, 0o600);
    const copy = openVerified(temp, dataKey);
    try {
      if (schemaObjectCount(copy) !== expectedObjects) {
        throw new AppError('VAULT_DAMAGED', 'The backup copy does not match the vault, so it was discarded. Try again.');
      }
    } finally {
      copy.close();
    }
    // Key file first: a backup database without its key file could never be opened.
    writeFileAtomically(`${finalPath}.keys`, keysBytes);
    writeFileAtomically(manifestPathFor(finalPath), JSON.stringify(manifest, null, 2));
    renameSync(temp, finalPath);
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${finalPath}.keys`, { force: true });
    rmSync(manifestPathFor(finalPath), { force: true });
    throw error;
  }
  const holdBack = pruningHoldBack(size, previousSize);
  const wouldRemove = listBackupFiles(options.folder, vaultId).length > options.keep;
  if (holdBack && wouldRemove) {
    // Old backups may be the only copies of the real caseload: keep every one and say why.
    const reason = `Old backups were kept, not pruned, on ${options.now.toISOString().slice(0, 10)}: ${holdBack} If the caseload really shrank, delete old backups from the backup folder by hand; if not, restore the newest backup that still holds it (Settings → Backups).`;
    sqlite.transaction(() => writeJsonSetting(vault.db(), PRUNE_SKIPPED_SETTING, { at: options.now.toISOString(), reason }))();
  } else {
    pruneBackups(options.folder, vaultId, options.keep, options.now);
    if (!holdBack) sqlite.prepare('DELETE FROM settings WHERE key = ?').run(PRUNE_SKIPPED_SETTING);
  }
  // Ids only: the audit log says a full copy left the vault, not where to.
  sqlite.transaction(() => {
    recordAudit(vault.db(), { action: 'export', entity: 'backup', entityId: null, familyId: null, detail: `keep=${options.keep}` }, options.now);
  })();
  return {
    fileName: finalName,
    path: finalPath,
    createdAt: options.now.toISOString(),
    sizeBytes: statSync(finalPath).size,
  };
}

/** Rows in an earlier backup: from its manifest, or (a backup from before manifests) by opening it. */
function sizeOfBackup(path: string, dataKey: Buffer): CaseloadSize | null {
  const manifest = readBackupManifest(path);
  if (manifest) return { families: manifest.families, rows: manifest.rows };
  try {
    const copy = openVerified(path, dataKey);
    try {
      return caseloadSize(copy);
    } finally {
      copy.close();
    }
  } catch {
    return null;
  }
}

/**
 * Why pruning must wait, or null. A vault that lost its families or more than half its rows since
 * the newest backup may have been emptied by accident (a truncated file, a sync conflict): the
 * older backups are then the only copies of the caseload, and rotating them out would lose it.
 */
export function pruningHoldBack(current: CaseloadSize, previous: CaseloadSize | null): string | null {
  if (current.families === 0) return 'the vault has no families.';
  if (previous && current.rows * 2 < previous.rows) {
    return `the vault holds ${current.rows} records, fewer than half the ${previous.rows} in the newest backup before it.`;
  }
  return null;
}

export function listBackups(vault: VaultManager, folder: string): BackupEntry[] {
  const vaultId = parseKeyEnvelope(readFileSync(keysPathFor(vault.vaultPath), 'utf8')).vaultId;
  return listBackupFiles(folder, vaultId);
}
