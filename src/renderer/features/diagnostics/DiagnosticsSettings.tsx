import { Button, Code, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api/client';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { SettingsCard } from '../settings/SettingsCard';

/**
 * "Copy diagnostics": versions, the vault's state and the last log lines, for a support request.
 * It holds ids and codes only, never case data, so it is safe to paste into an e-mail.
 */
export function DiagnosticsSettings() {
  const [text, setText] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function copy() {
    setIsBusy(true);
    try {
      const diagnostics = await call('diagnostics.get');
      setText(diagnostics.text);
      try {
        await navigator.clipboard.writeText(diagnostics.text);
        notifySaved('Diagnostics copied. Paste them into your message to support.');
      } catch {
        // The clipboard can be refused (an unfocused window); the text stays on screen to copy by hand.
        notifySaved('Diagnostics are shown below: select and copy them.');
      }
    } catch (error) {
      notifyFailed(error, 'The diagnostics could not be gathered');
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <SettingsCard
      title="Diagnostics"
      description="For a support request: the app's version, your system, the vault's state and the last entries of the app's log. It contains no names, notes or documents."
      actions={
        <Button variant="default" onClick={() => void copy()} loading={isBusy}>
          Copy diagnostics
        </Button>
      }
    >
      {text && (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            What was copied:
          </Text>
          <Code block aria-label="Diagnostics" mah={320} style={{ overflow: 'auto' }}>
            {text}
          </Code>
        </Stack>
      )}
    </SettingsCard>
  );
}
