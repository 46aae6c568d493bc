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
    <Alert color="orange" variant="light" mb="md" py="xs" title="This is the demo caseload: made-up families" data-testid="demo-banner">
      <Text size="sm">
        Try anything here, but never enter a real family: the demo&apos;s passphrase is kept on this computer so it opens with one click. Use “Back to my vault”
        at the top for real work.
      </Text>
      {demoPassphrase && (
        <Group gap="xs" mt={6}>
          <Text size="sm">Its passphrase:</Text>
          <Code data-testid="demo-passphrase">{demoPassphrase}</Code>
          <CopyButton value={demoPassphrase} timeout={2000}>
            {({ copied, copy }) => (
              <UnstyledButton onClick={copy} fz="sm" td="underline">
                {copied ? 'Copied' : 'Copy'}
              </UnstyledButton>
            )}
          </CopyButton>
        </Group>
      )}
    </Alert>
  );
}
