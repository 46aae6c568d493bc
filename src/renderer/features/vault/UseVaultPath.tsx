import { Anchor, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';

interface UseVaultPathProps {
  currentPath: string;
  onStatus: (status: VaultStatus) => void;
}

/**
 * 'Advanced: use another vault file': points the app at a vault elsewhere (a backup, a USB copy).
 * Main's open or save dialog chooses the file; this window never names a path.
 */
export function UseVaultPath({ currentPath, onStatus }: UseVaultPathProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<'open' | 'create' | null>(null);

  async function choose(purpose: 'open' | 'create') {
    setPending(purpose);
    setError(null);
    try {
      const outcome = await call('vault.chooseFile', { purpose });
      if (!outcome.wasCancelled) onStatus(outcome.status);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(null);
    }
  }

  return (
    <Stack gap="xs">
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => setIsOpen((value) => !value)} aria-expanded={isOpen}>
        Advanced: use another vault file
      </Anchor>
      <Collapse expanded={isOpen}>
        <Stack gap="xs">
          <Text size="xs" c="dimmed">
            Currently:{' '}
            <Text span ff="monospace" size="xs">
              {currentPath}
            </Text>
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => void choose('open')} loading={pending === 'open'} disabled={pending !== null}>
              Open another vault file…
            </Button>
            <Button variant="default" size="xs" onClick={() => void choose('create')} loading={pending === 'create'} disabled={pending !== null}>
              New vault file elsewhere…
            </Button>
          </Group>
          {error && (
            <Text size="sm" c="red" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}
