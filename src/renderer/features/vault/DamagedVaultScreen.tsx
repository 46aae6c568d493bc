import { Alert, Button, Divider, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { RestoreBackupModal, type RestoreSource } from '../backups/RestoreBackupModal';
import { UseVaultPath } from './UseVaultPath';
import { VaultScreenLayout, VaultScreenTitle } from './VaultScreenLayout';

interface DamagedVaultScreenProps {
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
}

/** The vault could not be opened safely: say what was found, what was NOT done, and the ways back. */
export function DamagedVaultScreen({ status, onStatus }: DamagedVaultScreenProps) {
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);
  const [isChoosing, setIsChoosing] = useState(false);

  // Main's open dialog picks the backup (its .keys file beside it); the page only ever holds an id.
  async function chooseBackup() {
    setError(null);
    setIsChoosing(true);
    try {
      const choice = await call('backups.chooseRestoreSource');
      if (choice.choiceId && choice.fileName) setRestoring({ kind: 'chosen', choiceId: choice.choiceId, fileName: choice.fileName });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsChoosing(false);
    }
  }

  async function openCopy(path: string) {
    setError(null);
    try {
      onStatus(await call('vault.use', { preMigrationCopy: path }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <VaultScreenLayout width={600}>
      <Stack gap="md">
        <VaultScreenTitle title="The vault could not be opened" />
        <Alert color="red" variant="light" title="What was found">
          <Text size="sm">{status.problem ?? 'The vault file is damaged or unreadable.'}</Text>
        </Alert>
        <Text size="sm">
          <strong>Nothing was changed or deleted.</strong> The file at{' '}
          <Text span ff="monospace" size="sm">
            {status.path}
          </Text>{' '}
          is exactly as it was.
        </Text>
        {status.preMigrationCopies.length > 0 && (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Copies taken before the last update (newest first)
            </Text>
            <Paper withBorder radius="sm">
              {status.preMigrationCopies.map((copy, index) => (
                <Group
                  key={copy}
                  justify="space-between"
                  wrap="nowrap"
                  p="sm"
                  style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                >
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {copy}
                  </Text>
                  <Button size="xs" variant="default" onClick={() => openCopy(copy)}>
                    Open this copy
                  </Button>
                </Group>
              ))}
            </Paper>
          </Stack>
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Restore from a backup
          </Text>
          <Text size="sm">
            Choose your most recent backup (its .keys file must be beside it). It is checked with the passphrase it had when it was taken and restored into a
            new vault file; this file stays as it is.
          </Text>
          <Group>
            <Button variant="default" onClick={() => void chooseBackup()} loading={isChoosing}>
              Restore from a backup file…
            </Button>
          </Group>
        </Stack>
        <Divider />
        <UseVaultPath currentPath={status.path} onStatus={onStatus} />
      </Stack>
      {restoring && <RestoreBackupModal source={restoring} onClose={() => setRestoring(null)} />}
    </VaultScreenLayout>
  );
}
