import { Stack } from '@mantine/core';
import { AutoLockCard } from '../session/AutoLockCard';
import { ChangePassphraseCard } from './ChangePassphraseCard';
import { RememberDeviceCard } from './RememberDeviceCard';

export function SecuritySettings() {
  return (
    <Stack gap="md">
      <AutoLockCard />
      <ChangePassphraseCard />
      <RememberDeviceCard />
    </Stack>
  );
}
