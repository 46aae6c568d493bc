import { Alert, Button, Group, Paper, Table, Text } from '@mantine/core';
import { call } from '../../api/client';
import { notifyFailed } from '../../lib/notify';
import { useState } from 'react';
import type { BackupEntry } from '@shared/domain/protection';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../lib/form-errors';
import { formatBytes, formatTimestamp } from '../settings/format';
import { RestoreBackupModal, type RestoreSource } from './RestoreBackupModal';
import { SettingsCard } from '../settings/SettingsCard';
import { useBackupList, useBackupSettings, useRunBackup } from '../settings/useSettings';

/** 'Back up now', its verified result, and the backups in the folder with a way to restore each. */
export function BackupListCard() {
  const settings = useBackupSettings();
  const hasFolder = Boolean(settings.data?.folder);
  const { data, isLoading, error, refetch } = useBackupList(hasFolder);
  const runBackup = useRunBackup();
  const [lastBackup, setLastBackup] = useState<BackupEntry | null>(null);
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);
  const [isChoosing, setIsChoosing] = useState(false);

  // A backup kept elsewhere (a USB drive): main's open dialog picks it and returns only an id.
  async function restoreFromFile() {
    setIsChoosing(true);
    try {
      const choice = await call('backups.chooseRestoreSource');
      if (choice.choiceId && choice.fileName) setRestoring({ kind: 'chosen', choiceId: choice.choiceId, fileName: choice.fileName });
    } catch (failure) {
      notifyFailed(failure, 'Could not choose that backup');
    } finally {
      setIsChoosing(false);
    }
  }

  async function backUpNow() {
    setLastBackup(null);
    try {
      setLastBackup(await runBackup.mutateAsync(undefined));
    } catch {
      // Shown below from runBackup.error.
    }
  }

  return (
    <SettingsCard
      title="Backups"
      description={
        hasFolder ? (
          <>
            In{' '}
            <Text span ff="monospace" size="sm">
              {settings.data?.folder}
            </Text>
            , newest first.
          </>
        ) : (
          'Choose a backup folder above to start.'
        )
      }
      actions={
        <Group gap="xs">
          <Button variant="default" onClick={() => void restoreFromFile()} loading={isChoosing}>
            Restore from a file…
          </Button>
          <Button onClick={() => void backUpNow()} loading={runBackup.isPending} disabled={!hasFolder}>
            Back up now
          </Button>
        </Group>
      }
    >
      {lastBackup && (
        <Alert color="teal" variant="light" title="Backup written and verified" role="status">
          <Text size="sm">
            {lastBackup.fileName} ({formatBytes(lastBackup.sizeBytes)}) was written, re-opened with the vault&apos;s key and passed the integrity check.
          </Text>
        </Alert>
      )}
      {runBackup.error && (
        <Alert color="red" variant="light" title="The backup did not complete" role="alert">
          <Text size="sm">{errorMessage(runBackup.error)} Your vault is unchanged, and no incomplete backup was left behind.</Text>
        </Alert>
      )}
      {hasFolder && <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />}
      {hasFolder && data && data.length === 0 && <EmptyState title="No backups in this folder yet" description="Click “Back up now” to write the first one." />}
      {data && data.length > 0 && (
        <Paper withBorder radius="sm" style={{ overflow: 'hidden' }}>
          <Table aria-label="Backups">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Taken</Table.Th>
                <Table.Th>File</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((backup) => (
                <Table.Tr key={backup.path} data-testid="backup-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(backup.createdAt)}</Table.Td>
                  <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                    {backup.fileName}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatBytes(backup.sizeBytes)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" onClick={() => setRestoring({ kind: 'listed', backup })}>
                      Restore…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {restoring && <RestoreBackupModal source={restoring} onClose={() => setRestoring(null)} />}
    </SettingsCard>
  );
}
