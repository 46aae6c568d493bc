import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BackupSettings } from '@shared/domain/protection';
import type { VaultDb } from '../../db/connection';
import { writeJsonSetting } from '../session/stored-settings';
import { BACKUP_SETTINGS_KEY } from './backup-scheduler';

/** Kernel and device file systems: a backup there is lost or refused, never stored. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

function refuseFolder(message: string): never {
  throw new AppError('VALIDATION', message, { folder: message });
}

/**
 * A folder a backup can really be kept in: a full path, not inside the kernel's or the devices'
 * file systems (checked on the real path, so a link into them is caught), and a folder rather
 * than a file where it exists. Where it does not exist yet, its nearest existing parent is checked.
 */
export function assertUsableBackupFolder(folder: string): void {
  if (!isAbsolute(folder)) refuseFolder('Choose the backup folder with the folder picker (a full path).');
  let existing = resolve(folder);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  let real: string;
  try {
    real = realpathSync(existing);
  } catch {
    refuseFolder('That folder cannot be read. Choose another one.');
  }
  if (SYSTEM_FOLDERS.some((system) => real === system || real.startsWith(`${system}${sep}`)) || SYSTEM_FOLDERS.includes(resolve(folder))) {
    refuseFolder('That is a system folder, not a place to keep backups. Choose a folder on a disk or a drive you own.');
  }
  if (existing === resolve(folder) && !statSync(real).isDirectory()) refuseFolder('That is a file, not a folder. Choose a folder for the backups.');
}

export function saveBackupSettings(db: VaultDb, settings: BackupSettings): BackupSettings {
  if (settings.folder !== null) assertUsableBackupFolder(settings.folder);
  writeJsonSetting(db, BACKUP_SETTINGS_KEY, settings);
  return settings;
}
