import { Button, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { notifyFailed } from '../../lib/notify';
import { useVault } from './vault-context';

/** In the header while another vault than the advocate's own is open (the demo, a restored backup): lock it and go back. */
export function BackToMyVaultButton() {
  const { status, switchTo } = useVault();
  const [isSwitching, setIsSwitching] = useState(false);
  if (status.path === status.homePath) return null;

  async function switchBack() {
    setIsSwitching(true);
    try {
      await switchTo({ place: 'home' });
    } catch (failure) {
      notifyFailed(failure, 'Could not switch back to your vault');
      setIsSwitching(false);
    }
  }

  return (
    <Tooltip label="Locks this vault and shows your own vault's unlock screen" openDelay={400}>
      <Button variant="light" color={status.isDemo ? 'orange' : 'gray'} size="compact-xs" onClick={() => void switchBack()} loading={isSwitching}>
        Back to my vault
      </Button>
    </Tooltip>
  );
}
