import { readBackupSettings } from '../../services/backups/backup-scheduler';
import { saveBackupSettings } from '../../services/backups/backup-settings';
import { AppError } from '@shared/api/errors';
import { createBackup, listBackups } from '../../services/backups/backup-service';
import { holdChosenPath, chosenPath } from '../../services/files/chosen-files';
import { basename } from 'node:path';
import { restoreBackup } from '../../services/backups/restore-backup';
import type { AppContext } from '../app-context';
import type { OpenChoice } from '@shared/api/file-choice';
import type { DomainHandlers } from '../dispatcher';
import type { backupsMethods } from '@shared/api/methods/backups';

/** Main's open dialog (or the bridge's stand-in); FORBIDDEN where there is none (the CLI). */
async function chooseWith(ctx: AppContext, choice: OpenChoice): Promise<string | null> {
  if (!ctx.chooseOpenPath) throw new AppError('FORBIDDEN', 'Choosing files needs the desktop app.');
  return ctx.chooseOpenPath(choice);
}

/** A backup listed in the backup folder, by name: the renderer never sends a folder or a path. */
function backupInFolder(ctx: AppContext, fileName: string): string {
  const { folder } = readBackupSettings(ctx.vault);
  const backup = folder === null ? undefined : listBackups(ctx.vault, folder).find((entry) => entry.fileName === fileName);
  if (!backup) throw new AppError('NOT_FOUND', 'That backup is not in the backup folder any more. Choose it with “Restore from a file…”.');
  return backup.path;
}

export const backupsHandlers = {
  'backups.getSettings': (_input, ctx) => readBackupSettings(ctx.vault),
  // The folder is only ever what the folder picker returned (backups.chooseFolder).
  'backups.setSettings': (input, ctx) => saveBackupSettings(ctx.vault.db(), { ...input, folder: readBackupSettings(ctx.vault).folder }),
  'backups.chooseFolder': async (_input, ctx) => {
    const current = readBackupSettings(ctx.vault);
    const folder = await chooseWith(ctx, { kind: 'folder', title: 'Choose the backup folder' });
    if (folder === null) return { settings: current, wasCancelled: true };
    return { settings: saveBackupSettings(ctx.vault.db(), { ...current, folder }), wasCancelled: false };
  },
  'backups.run': (_input, ctx) => {
    const settings = readBackupSettings(ctx.vault);
    if (settings.folder === null) throw new AppError('VALIDATION', 'Choose a backup folder first.', { folder: 'Choose a folder' });
    return createBackup(ctx.vault, { folder: settings.folder, keep: settings.keep, now: ctx.now() });
  },
  'backups.list': (_input, ctx) => {
    const { folder } = readBackupSettings(ctx.vault);
    return folder === null ? [] : listBackups(ctx.vault, folder);
  },
  'backups.chooseRestoreSource': async (_input, ctx) => {
    const path = await chooseWith(ctx, { kind: 'file', title: 'Choose a backup to restore', extensions: ['advd'] });
    return path === null
      ? { choiceId: null, fileName: null, wasCancelled: true }
      : { choiceId: holdChosenPath(path), fileName: basename(path), wasCancelled: false };
  },
  // Under the backoff of the backup's own vault (by its id), so restore is no faster guessing door.
  'backups.restore': async (input, ctx) => {
    const backupPath = 'choiceId' in input ? chosenPath(input.choiceId) : backupInFolder(ctx, input.backupFileName);
    const { chooseSavePath } = ctx;
    if (!chooseSavePath) throw new AppError('FORBIDDEN', 'Restoring a backup needs the desktop app.');
    const suggested = `caseload-restored-${ctx.now().toISOString().slice(0, 16).replace(/[T:]/g, '-')}.advd`;
    const secret = 'passphrase' in input ? { passphrase: input.passphrase } : { recoveryKey: input.recoveryKey };
    const { path } = await restoreBackup({ backupPath, targetPath: () => chooseSavePath(suggested, 'application/octet-stream'), ...secret }, (vaultId) =>
      ctx.vault.throttleForBackup(vaultId),
    );
    return { path, choiceId: path === null ? null : holdChosenPath(path), wasCancelled: path === null };
  },
} satisfies DomainHandlers<keyof typeof backupsMethods, AppContext>;
