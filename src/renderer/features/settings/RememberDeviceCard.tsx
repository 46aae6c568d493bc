import { Alert, Switch, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';
import { QueryState } from '../../components/QueryState';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { SettingsCard } from './SettingsCard';

export const DEVICE_KEY_QUERY = ['vault.deviceKeyStatus'];

/** Opt-in: keep the vault's key in this computer's keyring, so it opens without the passphrase. */
export function RememberDeviceCard() {
  const { data, isLoading, error, refetch } = useQuery({ queryKey: DEVICE_KEY_QUERY, queryFn: () => callMethod('vault.deviceKeyStatus', {}) });
  const remember = useApiMutation('vault.rememberOnDevice');

  async function change(isEnabled: boolean) {
    try {
      await remember.mutateAsync({ isEnabled });
      notifySaved(isEnabled ? 'This vault is remembered on this computer' : 'This computer no longer remembers the vault');
    } catch (failure) {
      notifyFailed(failure, 'Could not change this setting');
    }
  }

  return (
    <SettingsCard
      title="Remember on this device"
      description="Anyone who can sign in to this computer as you could then open the vault without the passphrase. Leave it off on shared or portable machines."
    >
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && (
        <>
          <Switch
            label="Unlock with this computer's keyring"
            checked={data.isRemembered}
            disabled={!data.isAvailable && !data.isRemembered}
            onChange={(event) => void change(event.currentTarget.checked)}
          />
          {data.problem && (
            <Alert color="gray" mt="sm" title="Not available here">
              <Text size="sm">{data.problem}</Text>
            </Alert>
          )}
        </>
      )}
    </SettingsCard>
  );
}
