import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { BackupEntry } from '@shared/domain/protection';
import { ApiCallError } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { notifyFailed } from '../../lib/notify';
import { useVault } from '../vault/vault-context';
import { formatTimestamp } from '../settings/format';
import { useRestoreBackup } from '../settings/useSettings';

/** A backup in the backup folder (by file name), or one chosen with main's open dialog (by choice id). */
export type RestoreSource = { kind: 'listed'; backup: BackupEntry } | { kind: 'chosen'; choiceId: string; fileName: string };

interface RestoreBackupModalProps {
  source: RestoreSource;
  onClose: () => void;
}

/**
 * Restoring never overwrites: the backup is proven (its key opens it, its pages pass the integrity
 * check) and copied to a NEW vault file. The vault in use stays as it is; the advocate may then
 * switch to the restored one.
 */
export function RestoreBackupModal({ source, onClose }: RestoreBackupModalProps) {
  const { switchTo } = useVault();
  const restore = useRestoreBackup();
  const [isRecovery, setIsRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ secret?: string; form?: string }>({});
  const [restored, setRestored] = useState<{ path: string; choiceId: string } | null>(null);
  const restoredPath = restored?.path ?? null;
  const [isSwitching, setIsSwitching] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nextErrors: typeof errors = {};
    if (!secret.trim()) nextErrors.secret = isRecovery ? 'Enter the recovery key' : "Enter the backup's passphrase";
    setErrors(nextErrors);
    if (nextErrors.secret) return;
    try {
      // Main proves the backup first, then its save dialog asks where the new vault file goes.
      const base = source.kind === 'listed' ? { backupFileName: source.backup.fileName } : { choiceId: source.choiceId };
      const outcome = await restore.mutateAsync(isRecovery ? { ...base, recoveryKey: secret.trim() } : { ...base, passphrase: secret });
      if (outcome.path === null || outcome.choiceId === null) return;
      setSecret('');
      setRestored({ path: outcome.path, choiceId: outcome.choiceId });
    } catch (failure) {
      const code = failure instanceof ApiCallError ? failure.code : null;
      if (code === 'WRONG_PASSPHRASE') setErrors({ secret: errorMessage(failure) });
      else setErrors({ form: errorMessage(failure) });
    }
  }

  async function openRestored() {
    if (!restored) return;
    setIsSwitching(true);
    try {
      await switchTo({ choiceId: restored.choiceId });
    } catch (failure) {
      notifyFailed(failure, 'Could not open the restored vault');
      setIsSwitching(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Restore a backup" size="lg" centered>
      {restoredPath ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" title="Backup restored and verified">
            <Text size="sm">
              The restored vault is at{' '}
              <Text span ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
                {restoredPath}
              </Text>
              . The vault you are using now is unchanged.
            </Text>
          </Alert>
          <Text size="sm">
            Switching locks this vault and shows the restored vault&apos;s unlock screen; it opens with the backup&apos;s passphrase. “Back to my vault” returns
            here at any time.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep using this vault
            </Button>
            <Button onClick={() => void openRestored()} loading={isSwitching}>
              Switch to the restored vault
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Alert color="blue" variant="light">
              <Text size="sm">
                Restoring creates a <strong>new vault file</strong> from{' '}
                {source.kind === 'listed' ? (
                  `the backup taken ${formatTimestamp(source.backup.createdAt)}`
                ) : (
                  <Text span ff="monospace" size="sm">
                    {source.fileName}
                  </Text>
                )}
                . It never overwrites a file: your current vault stays exactly as it is. The backup is checked first; then you choose where the new file goes.
              </Text>
            </Alert>
            {isRecovery ? (
              <TextInput
                key="recovery"
                label="Recovery key"
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                error={errors.secret}
                autoComplete="off"
                spellCheck={false}
              />
            ) : (
              <PasswordInput
                key="passphrase"
                label="The backup's passphrase"
                description="The passphrase the vault had when this backup was taken."
                value={secret}
                onChange={(event) => setSecret(event.currentTarget.value)}
                error={errors.secret}
                autoComplete="off"
              />
            )}
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => {
                setIsRecovery((value) => !value);
                setSecret('');
                setErrors({});
              }}
            >
              {isRecovery ? 'Use the passphrase instead' : 'Use the recovery key instead'}
            </Anchor>
            {errors.form && (
              <Alert color="red" variant="light" role="alert">
                {errors.form}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={restore.isPending}>
                Restore into a new file…
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
