import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '@shared/api/contract';
import { call } from '../../api/client';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useAutoLockSettings() {
  return useQuery({ queryKey: ['settings', 'autoLock'], queryFn: () => call('session.getAutoLock') });
}
export const useSaveAutoLockSettings = () => useApiMutation('session.setAutoLock');

export const useChangePassphrase = () =>
  useMutation({ mutationFn: (input: { currentPassphrase: string; passphrase: string; confirmation: string }) => callMethod('vault.changePassphrase', input) });

export function useBackupSettings() {
  return useQuery({ queryKey: ['settings', 'backups'], queryFn: () => call('backups.getSettings') });
}
/** A new folder means a different list of backups. */
export const useSaveBackupSettings = () => useApiMutation('backups.setSettings');
export const useChooseBackupFolder = () => useApiMutation('backups.chooseFolder');

export function useBackupList(hasFolder: boolean) {
  return useQuery({ queryKey: ['backups', 'list'], queryFn: () => call('backups.list'), enabled: hasFolder });
}
/** Writing a backup also records it in the audit trail. */
export const useRunBackup = () => useApiMutation('backups.run');

export const useRestoreBackup = () =>
  useMutation({
    mutationFn: (input: MethodInput<'backups.restore'>) => callMethod('backups.restore', input),
  });

/** One page of the audit trail, newest first; `beforeId` is the last id of the previous page. */
export function useAuditPage(familyId: number | null, beforeId: number | null, limit: number) {
  return useQuery({
    queryKey: ['audit', 'list', familyId, beforeId, limit],
    queryFn: () => callMethod('audit.list', { limit, ...(familyId === null ? {} : { familyId }), ...(beforeId === null ? {} : { beforeId }) }),
    placeholderData: keepPreviousData,
  });
}
export const useVerifyAudit = () =>
  useMutation({ mutationFn: (anchors: { id: number; hash: string }[]) => callMethod('audit.verify', anchors.length ? { anchors } : {}) });

export function useRetentionSettings() {
  return useQuery({ queryKey: ['settings', 'retention'], queryFn: () => call('retention.getSettings') });
}
export const useSaveRetentionSettings = () => useApiMutation('retention.setSettings');

export function useRetentionFlags() {
  return useQuery({ queryKey: ['retention', 'flagged'], queryFn: () => call('retention.flagged') });
}
