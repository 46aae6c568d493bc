import { Stack } from '@mantine/core';
import { BackupListCard } from './BackupListCard';
import { BackupSettingsCard } from './BackupSettingsCard';

export function BackupSettings() {
  return (
    <Stack gap="md">
      <BackupSettingsCard />
      <BackupListCard />
    </Stack>
  );
}
