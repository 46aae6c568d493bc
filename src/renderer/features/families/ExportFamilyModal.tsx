import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { callMethod } from '../../api/use-api';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';

interface ExportFamilyModalProps {
  familyId: number;
  familyName: string;
  opened: boolean;
  onClose: () => void;
}

/** The export leaves the vault unencrypted, so the advocate confirms with that in front of them. */
export function ExportFamilyModal({ familyId, familyName, opened, onClose }: ExportFamilyModalProps) {
  const exportFamily = useMutation({ mutationFn: () => callMethod('families.export', { id: familyId }) });

  async function confirm() {
    try {
      // Main asks where to save (the system's dialog), writes the file and only then records the export.
      const { savedPath, wasCancelled } = await exportFamily.mutateAsync();
      if (wasCancelled || !savedPath) return;
      notifySaved(`“${familyName}” exported to ${savedPath}`);
      onClose();
    } catch {
      // Shown in the dialog from exportFamily.error.
    }
  }

  function close() {
    exportFamily.reset();
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={`Export “${familyName}”`} centered size="md">
      <Stack gap="md">
        <Text size="sm">
          One zip file with everything of this family: guardians, students, cases with their timelines and records, the original documents, and the contacts and
          districts they name. Another Advocate Desk vault can import it with “Import family…”.
        </Text>
        <Alert color="red" variant="light" title="The export file is NOT encrypted">
          <List size="sm" spacing={4}>
            <List.Item>It leaves the vault: anyone who gets the file can read everything in it.</List.Item>
            <List.Item>Keep it on an encrypted drive, send it only over a secure channel, and delete it when it is no longer needed.</List.Item>
            <List.Item>The export is recorded in the audit log once the file is saved.</List.Item>
          </List>
        </Alert>
        {exportFamily.error && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(exportFamily.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button color="orange" onClick={() => void confirm()} loading={exportFamily.isPending}>
            Export unencrypted file
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
