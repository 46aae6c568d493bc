import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { UseVaultPath } from './UseVaultPath';
import { VaultScreenLayout } from './VaultScreenLayout';

interface UnlockScreenProps {
  status: VaultStatus;
  /** The advocate's own vault when the demo is the one showing, to switch back. */
  homePath: string | null;
  onStatus: (status: VaultStatus) => void;
}

export function UnlockScreen({ status, homePath, onStatus }: UnlockScreenProps) {
  const [isRecovery, setIsRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  function toggleRecovery() {
    setIsRecovery((value) => !value);
    setSecret('');
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!secret.trim()) {
      setError(isRecovery ? 'Enter the recovery key' : 'Enter the passphrase');
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      const next = await call('vault.unlock', isRecovery ? { recoveryKey: secret.trim() } : { passphrase: secret });
      onStatus(next);
    } catch (failure) {
      setError(errorMessage(failure));
      setIsSaving(false);
    }
  }

  async function switchBack() {
    if (!homePath) return;
    try {
      onStatus(await call('vault.usePath', { path: homePath }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <VaultScreenLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Stack gap={6}>
            <Title order={2} size="h3">
              {status.isDemo ? 'Unlock the demo caseload' : 'Unlock your vault'}
            </Title>
            <Text size="sm" c="dimmed">
              {isRecovery
                ? 'Enter the recovery key you stored when the vault was created (8 groups of 4 letters and digits).'
                : 'Your caseload is encrypted. Enter your passphrase to open it.'}
            </Text>
          </Stack>
          {isRecovery ? (
            <TextInput
              key="recovery"
              label="Recovery key"
              value={secret}
              onChange={(event) => setSecret(event.currentTarget.value)}
              error={error}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
            />
          ) : (
            <PasswordInput
              key="passphrase"
              label="Passphrase"
              value={secret}
              onChange={(event) => setSecret(event.currentTarget.value)}
              error={error}
              autoFocus
              autoComplete="current-password"
            />
          )}
          <Button type="submit" loading={isSaving} fullWidth>
            Unlock
          </Button>
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={toggleRecovery}>
              {isRecovery ? 'Use the passphrase instead' : 'Use recovery key instead'}
            </Anchor>
          </Group>
        </Stack>
      </form>
      {status.isDemo && homePath && (
        <Alert color="gray" variant="light" mt="md">
          <Group justify="space-between" gap="xs">
            <Text size="sm">This is the demo caseload.</Text>
            <Button size="xs" variant="default" onClick={switchBack}>
              Switch to your own vault
            </Button>
          </Group>
        </Alert>
      )}
      <Divider my="md" />
      <UseVaultPath currentPath={status.path} onStatus={onStatus} />
    </VaultScreenLayout>
  );
}
