import { Alert, Code, CopyButton, Group, Text, UnstyledButton } from '@mantine/core';
import { useVault } from './vault-context';

/**
 * On every page while the demo caseload is open: it is made-up data, and real families must not
 * go there (its passphrase is kept on this computer so it opens with one click). The passphrase
 * is shown when this window opened the demo.
 */
export function DemoBanner() {
  const { status, demoPassphrase } = useVault();
  if (!status.isDemo) return null;
  return (
    <Alert color="orange" variant="light" mb="md" py={8} data-testid="demo-banner" aria-label="Demo caseload">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={700}>
          Demo caseload: made-up families.
        </Text>
        <Text size="sm">Never enter a real family here: its passphrase is kept on this computer so it opens in one click.</Text>
        {demoPassphrase && (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">Passphrase:</Text>
            <Code data-testid="demo-passphrase">{demoPassphrase}</Code>
            <CopyButton value={demoPassphrase} timeout={2000}>
              {({ copied, copy }) => (
                <UnstyledButton onClick={copy} fz="sm" td="underline" aria-label="Copy the demo passphrase">
                  {copied ? 'Copied' : 'Copy'}
                </UnstyledButton>
              )}
            </CopyButton>
          </Group>
        )}
      </Group>
    </Alert>
  );
}
