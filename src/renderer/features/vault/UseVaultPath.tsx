import { Anchor, Button, Collapse, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '@shared/api/contract';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';

interface UseVaultPathProps {
  currentPath: string;
  onStatus: (status: VaultStatus) => void;
}

/** 'Advanced: use another vault file': points the app at a vault elsewhere (a backup, a USB copy). */
export function UseVaultPath({ currentPath, onStatus }: UseVaultPathProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      onStatus(await call('vault.usePath', { path }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Stack gap="xs">
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => setIsOpen((value) => !value)} aria-expanded={isOpen}>
        Advanced: use another vault file
      </Anchor>
      <Collapse expanded={isOpen}>
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              Currently: <Text span ff="monospace" size="xs">{currentPath}</Text>
            </Text>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label="Vault file path"
                placeholder="/path/to/caseload.advd"
                value={path}
                onChange={(event) => setPath(event.currentTarget.value)}
                error={error}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="default" loading={isSaving}>
                Use this file
              </Button>
            </Group>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}
