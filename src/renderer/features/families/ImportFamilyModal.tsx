import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/form-errors';
import type { FileRef } from '@shared/api/file-ref';
import { ImportFileField } from '../../components/ImportFileField';
import { referenceFor, type PickedFile } from '../../lib/import-file';
import { useImportFamily } from './useFamilies';

interface ImportFamilyModalProps {
  opened: boolean;
  onClose: () => void;
}

/** 'families' → 'Families', 'case_contacts' → 'Case contacts'. */
function tableLabel(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Reads a family export (.zip) and adds it as a new family; main checks every file before writing anything. */
export function ImportFamilyModal({ opened, onClose }: ImportFamilyModalProps) {
  const navigate = useNavigate();
  const importFamily = useImportFamily();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  function close() {
    setFile(null);
    setReadError(null);
    importFamily.reset();
    onClose();
  }

  async function submit() {
    if (!file) {
      setReadError('Choose the export file (.zip) first');
      return;
    }
    setReadError(null);
    let reference: FileRef;
    try {
      reference = await referenceFor(file);
    } catch (failure) {
      setReadError(errorMessage(failure));
      return;
    }
    importFamily.mutate({ file: reference });
  }

  const result = importFamily.data;
  const counts = result ? Object.entries(result.counts).filter(([, count]) => count > 0) : [];

  return (
    <Modal opened={opened} onClose={close} title="Import a family" centered size="md">
      {result ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" title="Family imported" role="status">
            <Text size="sm">It was added as a new family; nothing that was already in the vault was changed.</Text>
          </Alert>
          {counts.length > 0 && (
            <Table aria-label="Imported records" withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                {counts.map(([table, count]) => (
                  <Table.Tr key={table}>
                    <Table.Td>{tableLabel(table)}</Table.Td>
                    <Table.Td ta="right">{count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button
              onClick={() => {
                close();
                void navigate(`/families/${result.familyId}`);
              }}
            >
              Open the family
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">
            Choose a family export made with “Export family…” in Advocate Desk. The family is added as a new family, with its cases and documents. Contacts and
            districts that already exist here are reused.
          </Text>
          <ImportFileField
            kind="familyImport"
            label="Export file"
            placeholder="Drop advocate-desk-family-….zip here"
            accept=".zip,application/zip"
            value={file}
            onChange={(next) => {
              setFile(next);
              setReadError(null);
              importFamily.reset();
            }}
            error={readError}
          />
          {importFamily.error && (
            <Alert color="red" variant="light" title="Nothing was imported" role="alert">
              <Text size="sm">{errorMessage(importFamily.error)} The import is all or nothing, so the vault is unchanged.</Text>
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            After importing, delete the export file if you no longer need it: it is not encrypted.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void submit()} loading={importFamily.isPending} disabled={!file}>
              Import family
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
