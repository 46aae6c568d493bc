import { Button, Select, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { IDLE_MINUTE_CHOICES, type AutoLockSettings } from '@shared/domain/protection';
import { QueryState } from '../../components/QueryState';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useVault } from '../vault/vault-context';
import { SettingsCard } from '../settings/SettingsCard';
import { useAutoLockSettings, useSaveAutoLockSettings } from '../settings/useSettings';

const NEVER = 'never';

function idleLabel(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? 'After 1 minute' : `After ${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? 'After 1 hour' : `After ${hours} hours`;
}

const IDLE_OPTIONS = [
  ...IDLE_MINUTE_CHOICES.map((minutes) => ({ value: String(minutes), label: idleLabel(minutes) })),
  { value: NEVER, label: 'Never (not recommended)' },
];

/** When the vault locks by itself, and a way to lock it right now. */
export function AutoLockCard() {
  const { lock } = useVault();
  const { data, isLoading, error, refetch } = useAutoLockSettings();
  const save = useSaveAutoLockSettings();
  const [isLocking, setIsLocking] = useState(false);

  async function change(next: AutoLockSettings) {
    try {
      await save.mutateAsync(next);
      notifySaved('Auto-lock updated');
    } catch (failure) {
      notifyFailed(failure, 'Could not change auto-lock');
    }
  }

  async function lockNow() {
    setIsLocking(true);
    try {
      await lock();
    } catch (failure) {
      notifyFailed(failure, 'Could not lock the vault');
      setIsLocking(false);
    }
  }

  return (
    <SettingsCard
      title="Auto-lock"
      description="A locked vault shows nothing until the passphrase is entered again. Locking also happens when this window is closed."
      actions={
        <Button variant="default" onClick={() => void lockNow()} loading={isLocking}>
          Lock now
        </Button>
      }
    >
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && (
        <Stack gap="md" maw={440}>
          <Select
            label="Lock after inactivity"
            description="Reading a page counts as activity as long as you move the mouse or type."
            data={IDLE_OPTIONS}
            value={data.idleMinutes === null ? NEVER : String(data.idleMinutes)}
            onChange={(value) => {
              if (!value) return;
              const idleMinutes = value === NEVER ? null : (Number(value) as AutoLockSettings['idleMinutes']);
              void change({ ...data, idleMinutes });
            }}
            allowDeselect={false}
            disabled={save.isPending}
          />
          <Switch
            label="Lock when the computer sleeps or its screen locks"
            checked={data.lockOnSleep}
            onChange={(event) => void change({ ...data, lockOnSleep: event.currentTarget.checked })}
            disabled={save.isPending}
          />
          {data.idleMinutes === null && !data.lockOnSleep && (
            <Text size="sm" c="orange">
              With both off, the vault stays open until you lock it or close the app.
            </Text>
          )}
        </Stack>
      )}
    </SettingsCard>
  );
}
