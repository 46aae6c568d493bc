import { Stack } from '@mantine/core';
import { AutoLockCard } from './AutoLockCard';
import { ChangePassphraseCard } from './ChangePassphraseCard';

export function SecuritySettings() {
  return (
    <Stack gap="md">
      <AutoLockCard />
      <ChangePassphraseCard />
    </Stack>
  );
}
