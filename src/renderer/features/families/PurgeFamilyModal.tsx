import { Alert, Button, Code, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { usePurgeFamily } from './useFamilies';

interface PurgeFamilyModalProps {
  familyId: number;
  familyName: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * Purging cannot be undone, so the family's name must be typed exactly (main checks it again) and
 * the dialog says what goes and what stays: only the family's id remains, in the audit log.
 */
export function PurgeFamilyModal({ familyId, familyName, opened, onClose }: PurgeFamilyModalProps) {
  const navigate = useNavigate();
  const purge = usePurgeFamily();
  const [typedName, setTypedName] = useState('');
  const isConfirmed = typedName === familyName;

  function close() {
    setTypedName('');
    purge.reset();
    onClose();
  }

  async function confirm() {
    if (!isConfirmed) return;
    try {
      await purge.mutateAsync({ id: familyId, confirmName: typedName });
      notifySaved(`“${familyName}” was purged`);
      void navigate('/families', { replace: true });
    } catch {
      // Shown in the dialog from purge.error.
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={`Purge “${familyName}”`} centered size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        <Stack gap="md">
          <Alert color="red" variant="light" title="This permanently removes the family, everywhere">
            <List size="sm" spacing={4}>
              <List.Item>The family, its guardians and students, every case with its timeline, deadlines, meetings, services and documents.</List.Item>
              <List.Item>It cannot be undone. Backups taken before now still hold the family until they are pruned.</List.Item>
              <List.Item>Only the family&apos;s id remains, in the audit log, to record that it was purged.</List.Item>
            </List>
          </Alert>
          <Text size="sm">
            Consider “Export family…” first if the family may need its records later. Contacts and districts stay: other families may share them.
          </Text>
          <TextInput
            label={
              <>
                Type <Code>{familyName}</Code> to confirm
              </>
            }
            value={typedName}
            onChange={(event) => setTypedName(event.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
          />
          {purge.error && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(purge.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!isConfirmed} loading={purge.isPending}>
              Purge this family
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
