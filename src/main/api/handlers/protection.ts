import { basename } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { OpenChoice } from '@shared/api/file-choice';
import { chosenPath, holdChosenPath } from '../../services/files/chosen-files';
import type { protectionMethods } from '@shared/api/methods/protection';
import { formatAuditHead, vaultAnchors } from '../../services/audit/audit-anchors';
import { auditHead, listAudit, verifyAuditChain } from '../../services/audit/audit-verify';
import { readBackupSettings } from '../../services/backups/backup-scheduler';
import { createBackup, listBackups } from '../../services/backups/backup-service';
import { saveBackupSettings } from '../../services/backups/backup-settings';
import { restoreBackup } from '../../services/backups/restore-backup';
import { buildFamilyExport, recordFamilyExport } from '../../services/exchange/export-family';
import { saveExport } from '../../services/files/save-export';
import { readImportFile } from '../../services/files/read-import';
import { importFamily } from '../../services/exchange/import-family';
import { getRetentionSettings, listRetentionFlags, setRetentionSettings } from '../../services/retention/retention-service';
import { getAutoLockSettings, setAutoLockSettings } from '../../services/session/auto-lock-settings';
import { autoLockFor } from '../../vault/vault-auto-lock';
import type { DomainHandlers } from '../dispatcher';
import { services, type AppContext } from '../app-context';

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

export const protectionHandlers = {
  'session.getAutoLock': (_input, ctx) => getAutoLockSettings(services(ctx)),
  'session.setAutoLock': (input, ctx) => {
    const saved = setAutoLockSettings(services(ctx), input);
    autoLockFor(ctx.vault)?.configure(saved);
    return saved;
  },
  // The activity itself is counted by withActivity around the dispatcher; this reports the outcome.
  'session.activity': (_input, ctx) => ({ state: ctx.vault.status().state }),

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
    return path === null ? { choiceId: null, fileName: null, wasCancelled: true } : { choiceId: holdChosenPath(path), fileName: basename(path), wasCancelled: false };
  },
  // Under the backoff of the backup's own vault (by its id), so restore is no faster guessing door.
  'backups.restore': async (input, ctx) => {
    const backupPath = 'choiceId' in input ? chosenPath(input.choiceId) : backupInFolder(ctx, input.backupFileName);
    const { chooseSavePath } = ctx;
    if (!chooseSavePath) throw new AppError('FORBIDDEN', 'Restoring a backup needs the desktop app.');
    const suggested = `caseload-restored-${ctx.now().toISOString().slice(0, 16).replace(/[T:]/g, '-')}.advd`;
    const secret = 'passphrase' in input ? { passphrase: input.passphrase } : { recoveryKey: input.recoveryKey };
    const { path } = await restoreBackup({ backupPath, targetPath: () => chooseSavePath(suggested, 'application/octet-stream'), ...secret }, (vaultId) => ctx.vault.throttleForBackup(vaultId));
    return { path, choiceId: path === null ? null : holdChosenPath(path), wasCancelled: path === null };
  },

  'audit.list': (input, ctx) => listAudit(ctx.vault.db(), input),
  'audit.verify': (input, ctx) =>
    verifyAuditChain(ctx.vault.db(), [
      ...vaultAnchors(ctx.vault),
      ...(input.anchors ?? []).map((anchor) => ({ ...anchor, source: `the head you entered (#${anchor.id})` })),
    ]),

  'audit.exportHead': async (_input, ctx) => {
    const head = auditHead(ctx.vault.db());
    if (!head) throw new AppError('NOT_FOUND', 'The audit trail has no entries yet, so there is no head to save.');
    const day = ctx.now().toISOString().slice(0, 10);
    const fileName = `Audit head ${day} #${head.id}.txt`;
    const bytes = Buffer.from(`${formatAuditHead(head)}\n`, 'utf8');
    const outcome = await saveExport(ctx.chooseSavePath, { kind: 'smallExport', fileName, mimeType: 'text/plain', bytes }, () => {});
    return { fileName, ...outcome };
  },

  'families.export': async (input, ctx) => {
    const service = services(ctx);
    const exported = buildFamilyExport(service, input.id);
    const file = { kind: 'familyExport' as const, fileName: exported.fileName, mimeType: 'application/zip', bytes: exported.bytes };
    const outcome = await saveExport(ctx.chooseSavePath, file, () => recordFamilyExport(service, input.id, exported.documentCount));
    return { fileName: exported.fileName, ...outcome };
  },
  'families.import': async (input, ctx) => importFamily(services(ctx), await readImportFile(input.file, 'familyImport', ctx.uploadsDir)),

  'retention.getSettings': (_input, ctx) => getRetentionSettings(services(ctx)),
  'retention.setSettings': (input, ctx) => setRetentionSettings(services(ctx), input),
  'retention.flagged': (_input, ctx) => listRetentionFlags(services(ctx)),
} satisfies DomainHandlers<keyof typeof protectionMethods, AppContext>;
