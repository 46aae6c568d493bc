import { Alert, Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { VaultScreenLayout, VaultScreenTitle } from './VaultScreenLayout';

interface RecoveryKeyScreenProps {
  recoveryKey: string;
  onContinue: () => void;
}

/** Shown exactly once, right after a vault is created: the only way back in without the passphrase. */
export function RecoveryKeyScreen({ recoveryKey, onContinue }: RecoveryKeyScreenProps) {
  const [isStored, setIsStored] = useState(false);
  return (
    <VaultScreenLayout width={560}>
      <Stack gap="md">
        <VaultScreenTitle title="Your recovery key" />
        <Text size="sm">
          If you ever forget the passphrase, this key is the only way to open your vault. It is shown <strong>only this once</strong>. Print it or write it down
          and keep it somewhere safe, away from this computer.
        </Text>
        <Paper withBorder radius="md" p="lg" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))" role="group" aria-label="Recovery key">
          <SimpleGrid cols={4} spacing="xs" verticalSpacing={6} data-testid="recovery-key" style={{ userSelect: 'all' }}>
            {recoveryKey.split('-').map((part, index) => (
              <Text key={index} ff="monospace" fz={24} fw={600} ta="center" style={{ letterSpacing: '0.1em' }}>
                {part}
                {/* Keeps the dashes when the key is selected and copied by hand. */}
                {index < recoveryKey.split('-').length - 1 && <span style={{ fontSize: 0 }}>-</span>}
              </Text>
            ))}
          </SimpleGrid>
        </Paper>
        <Group justify="center">
          <CopyButton value={recoveryKey} timeout={2500}>
            {({ copied, copy }) => (
              <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? 'Copied to the clipboard' : 'Copy recovery key'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light">
          Anyone with this key can open the vault. Do not email it or save it in the same folder as the vault.
        </Alert>
        <Checkbox label="I have stored this recovery key somewhere safe" checked={isStored} onChange={(event) => setIsStored(event.currentTarget.checked)} />
        <Button onClick={onContinue} disabled={!isStored} fullWidth>
          Continue
        </Button>
      </Stack>
    </VaultScreenLayout>
  );
}
