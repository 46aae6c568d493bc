import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { MethodInput, VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { UseVaultPath } from './UseVaultPath';
import { VaultScreenLayout, VaultScreenTitle } from './VaultScreenLayout';

interface UnlockScreenProps {
  status: VaultStatus;
  /** Main locked the vault by itself (idle time, sleep): say so, so the advocate is not puzzled. */
  hasLockedItself: boolean;
  /** Opens the demo in one click; false when it waits for a passphrase of its own. */
  onOpenDemo: () => Promise<boolean>;
  onSwitchTo: (target: MethodInput<'vault.use'>) => Promise<void>;
  onStatus: (status: VaultStatus) => void;
}

export function UnlockScreen({ status, hasLockedItself, onOpenDemo, onSwitchTo, onStatus }: UnlockScreenProps) {
  const [isRecovery, setIsRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isSwitching, setIsSwitching] = useState(false);
  const [isRememberedHere, setIsRememberedHere] = useState(false);

  // Only the desktop app can remember a vault; the question is cheap and changes no state.
  useEffect(() => {
    let isCurrent = true;
    call('vault.deviceKeyStatus', {})
      .then((device) => isCurrent && setIsRememberedHere(device.isRemembered))
      .catch(() => isCurrent && setIsRememberedHere(false));
    return () => {
      isCurrent = false;
    };
  }, [status.path]);

  async function unlockWithDevice() {
    setIsSaving(true);
    setError(null);
    try {
      onStatus(await call('vault.unlockWithDevice', {}));
    } catch (failure) {
      setError(errorMessage(failure));
      setIsRememberedHere(false);
      setIsSaving(false);
    }
  }

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

  async function openDemoInOneClick() {
    setIsSwitching(true);
    setError(null);
    try {
      if (!(await onOpenDemo())) setError('This demo caseload was made with a passphrase of its own: enter it above.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSwitching(false);
    }
  }

  async function switchVault(action: () => Promise<unknown>) {
    setIsSwitching(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSwitching(false);
    }
  }

  return (
    <VaultScreenLayout>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <VaultScreenTitle title={status.isDemo ? 'Unlock the demo caseload' : 'Unlock your vault'}>
            <Text size="sm" c="dimmed">
              {isRecovery
                ? 'Enter the recovery key you stored when the vault was created (8 groups of 4 letters and digits).'
                : status.isDemo
                  ? 'The demo caseload is encrypted like a real one. Open it with one click below, or enter its passphrase.'
                  : 'Your caseload is encrypted. Enter your passphrase to open it.'}
            </Text>
          </VaultScreenTitle>
          {hasLockedItself && (
            <Alert color="blue" variant="light" title="Locked to protect your caseload">
              <Text size="sm">Advocate Desk locked itself after a while without activity. Unlock to continue where you left off.</Text>
            </Alert>
          )}
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
          {isRememberedHere && (
            <Button variant="default" loading={isSaving} fullWidth onClick={() => void unlockWithDevice()}>
              Unlock with this computer's keyring
            </Button>
          )}
          <Group justify="center">
            <Anchor component="button" type="button" size="sm" onClick={toggleRecovery}>
              {isRecovery ? 'Use the passphrase instead' : 'Use recovery key instead'}
            </Anchor>
          </Group>
        </Stack>
      </form>
      {status.path !== status.homePath ? (
        <Alert color={status.isDemo ? 'orange' : 'gray'} variant="light" mt="md">
          {/* The sentence on one line and the buttons under it: beside two buttons it wrapped a word a line. */}
          <Stack gap="xs">
            <Text size="sm">{status.isDemo ? 'This is the demo caseload, with made-up families.' : 'This is not your usual vault file.'}</Text>
            <Group gap="xs">
              {status.isDemo && (
                <Button size="xs" variant="default" loading={isSwitching} onClick={() => void openDemoInOneClick()}>
                  Open the demo
                </Button>
              )}
              <Button size="xs" variant="default" loading={isSwitching} onClick={() => void switchVault(() => onSwitchTo({ place: 'home' }))}>
                Back to my vault
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        status.demoPath && (
          <Group justify="space-between" gap="xs" mt="md" wrap="nowrap">
            <Text size="sm" c="dimmed">
              Try Advocate Desk with made-up families.
            </Text>
            <Button size="xs" variant="default" loading={isSwitching} onClick={() => void switchVault(onOpenDemo)} style={{ flexShrink: 0 }}>
              Open the demo caseload
            </Button>
          </Group>
        )
      )}
      <Divider my="md" />
      <UseVaultPath currentPath={status.path} onStatus={onStatus} />
    </VaultScreenLayout>
  );
}
