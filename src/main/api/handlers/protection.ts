import { AppError } from '@shared/api/errors';
import type { protectionMethods } from '@shared/api/methods/protection';
import { vaultAnchors } from '../../services/audit/audit-anchors';
import { listAudit, verifyAuditChain } from '../../services/audit/audit-verify';
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
  'backups.setSettings': (input, ctx) => saveBackupSettings(ctx.vault.db(), input),
  'backups.run': (_input, ctx) => {
    const settings = readBackupSettings(ctx.vault);
    if (settings.folder === null) throw new AppError('VALIDATION', 'Choose a backup folder first.', { folder: 'Choose a folder' });
    return createBackup(ctx.vault, { folder: settings.folder, keep: settings.keep, now: ctx.now() });
  },
  'backups.list': (_input, ctx) => {
    const { folder } = readBackupSettings(ctx.vault);
    return folder === null ? [] : listBackups(ctx.vault, folder);
  },
  // Under the backoff of the vault in use, so restore cannot be used to guess its passphrase faster.
  'backups.restore': async (input, ctx) => restoreBackup(input, ctx.vault.throttle()),

  'audit.list': (input, ctx) => listAudit(ctx.vault.db(), input),
  'audit.verify': (input, ctx) =>
    verifyAuditChain(ctx.vault.db(), [
      ...vaultAnchors(ctx.vault),
      ...(input.anchors ?? []).map((anchor) => ({ ...anchor, source: `the head you entered (#${anchor.id})` })),
    ]),

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
