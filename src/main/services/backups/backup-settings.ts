import { isAbsolute } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { BackupSettings } from '@shared/domain/protection';
import type { VaultDb } from '../../db/connection';
import { writeJsonSetting } from '../session/stored-settings';
import { BACKUP_SETTINGS_KEY } from './backup-scheduler';

export function saveBackupSettings(db: VaultDb, settings: BackupSettings): BackupSettings {
  if (settings.folder !== null && !isAbsolute(settings.folder)) {
    throw new AppError('VALIDATION', 'Choose the backup folder with the folder picker (a full path).', { folder: 'Not a full path' });
  }
  writeJsonSetting(db, BACKUP_SETTINGS_KEY, settings);
  return settings;
}
