import { Alert, Badge, Button, Checkbox, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { formatCount } from '@shared/format';
import { DELIVERY_STATUS_LABELS } from '@shared/compliance/types';
import type { ServiceLogPreview } from '@shared/domain/agreements';
import { useState } from 'react';
import { callMethod } from '../../api/use-api';
import { ImportFileField } from '../../components/ImportFileField';
import { referenceFor, type PickedFile } from '../../lib/import-file';
import { formatDate } from '../../lib/dates';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { useImportServiceLog } from './useAgreements';

interface ServiceLogImportModalProps {
  termId: number;
  termDescription: string;
  onClose: () => void;
}

/**
 * A provider's CSV service log, previewed before anything is saved. The import is all or nothing
 * (agreements.importDeliveries refuses while any row is unreadable), so the button waits for a clean file.
 */
export function ServiceLogImportModal({ termId, termDescription, onClose }: ServiceLogImportModalProps) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ServiceLogPreview | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [isReading, setIsReading] = useState(false);
  /** Rows already in the log are left out unless the advocate says they really are extra sessions. */
  const [importsRepeatsAnyway, setImportsRepeatsAnyway] = useState(false);
  const importLog = useImportServiceLog();

  async function choose(chosen: PickedFile | null) {
    setFile(chosen);
    setPreview(null);
    setReadError(null);
    setImportsRepeatsAnyway(false);
    importLog.reset();
    if (!chosen) return;
    setIsReading(true);
    try {
      setPreview(await callMethod('agreements.previewDeliveryImport', { termId, file: await referenceFor(chosen) }));
    } catch (error) {
      setReadError(errorMessage(error));
    } finally {
      setIsReading(false);
    }
  }

  async function runImport() {
    if (!file) return;
    try {
      const duplicates = repeatCount === 0 ? 'refuse' : importsRepeatsAnyway ? 'import' : 'skip';
      const result = await importLog.mutateAsync({ termId, file: await referenceFor(file), duplicates });
      const skipped = result.skippedCount > 0 ? `; ${formatCount(result.skippedCount, 'row')} already in the log left out` : '';
      notifySaved(`Imported ${formatCount(result.importedCount, 'session')} (${formatDate(result.firstDate)} – ${formatDate(result.lastDate)})${skipped}`);
      onClose();
    } catch {
      // Shown below the preview: the server names the lines it refused.
    }
  }

  const hasErrors = (preview?.errors.length ?? 0) > 0;
  const repeats = new Set(preview?.duplicateRows ?? []);
  const repeatCount = repeats.size;
  const rowsToImport = preview ? (importsRepeatsAnyway ? preview.rows.length : preview.rows.length - repeatCount) : 0;
  const canImport = preview !== null && preview.isImportable && !hasErrors && rowsToImport > 0;

  return (
    <Modal opened onClose={onClose} title="Import service log (CSV)" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          For <b>{termDescription}</b>. The file needs a date column and minutes or a status per row (e.g. <i>date, minutes, status, provider, note</i>).
          Nothing is saved until you press Import, and a file with any unreadable row is not imported at all.
        </Text>
        <ImportFileField
          kind="serviceLog"
          label="Service log file"
          placeholder="Drop a .csv file here"
          accept=".csv,text/csv"
          value={file}
          onChange={(chosen) => void choose(chosen)}
          data-autofocus
        />
        {isReading && <Text size="sm">Reading the file…</Text>}
        {readError && (
          <Alert color="red" variant="light" title="Could not read the file" role="alert">
            {readError}
          </Alert>
        )}
        {preview && hasErrors && (
          <Alert
            color="red"
            variant="light"
            title={`${preview.errors.length} ${preview.errors.length === 1 ? 'row' : 'rows'} could not be read — fix the file and choose it again`}
            role="alert"
          >
            <List size="sm" spacing={2} data-testid="import-errors">
              {preview.errors.map((problem) => (
                <List.Item key={`${problem.line}-${problem.reason}`}>
                  Line {problem.line}: {problem.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview && preview.warnings.length > 0 && (
          <Alert color="yellow" variant="light" title="Worth a look (does not block the import)">
            <List size="sm" spacing={2}>
              {preview.warnings.map((warning) => (
                <List.Item key={warning}>{warning}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview && repeatCount > 0 && (
          <Alert color="orange" variant="light" title={`${formatCount(repeatCount, 'row')} already in this term's log`} data-testid="import-duplicates">
            <Text size="sm">
              {repeatCount === preview.rows.length ? 'This file looks imported already: every row' : 'These rows (marked below)'} match lines already logged
              (same date, status and minutes). Importing them again would count those sessions twice, so they are left out.
            </Text>
            <Checkbox
              mt="xs"
              label={`Import the ${formatCount(repeatCount, 'repeated row')} anyway (they really are extra sessions)`}
              checked={importsRepeatsAnyway}
              onChange={(event) => setImportsRepeatsAnyway(event.currentTarget.checked)}
            />
          </Alert>
        )}
        {preview && (
          <>
            <Text size="sm" fw={500}>
              {preview.rows.length} {preview.rows.length === 1 ? 'row' : 'rows'} read
            </Text>
            <ScrollArea.Autosize mah={320}>
              <Table fz="sm" verticalSpacing={4} striped stickyHeader>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Date</Table.Th>
                    <Table.Th>Minutes</Table.Th>
                    <Table.Th>Count</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Provider</Table.Th>
                    <Table.Th>Note</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row, index) => (
                    <Table.Tr key={index} data-testid={repeats.has(index) ? 'import-row-repeated' : 'import-row'}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(row.deliveredOn)}
                        {repeats.has(index) && (
                          <Badge ml={6} size="xs" variant="outline" color="orange" tt="none">
                            Already logged
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{row.minutes ?? '—'}</Table.Td>
                      <Table.Td>{row.count ?? ''}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          tt="none"
                          radius="sm"
                          color={row.status === 'delivered' ? 'teal' : 'gray'}
                          style={{ overflow: 'visible' }}
                          styles={{ label: { overflow: 'visible' } }}
                        >
                          {DELIVERY_STATUS_LABELS[row.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{row.provider}</Table.Td>
                      <Table.Td>{row.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        {importLog.error && (
          <Alert color="red" variant="light" title="Not imported" role="alert">
            {errorMessage(importLog.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void runImport()} disabled={!canImport} loading={importLog.isPending}>
            {preview && canImport ? `Import ${formatCount(rowsToImport, repeatCount > 0 && !importsRepeatsAnyway ? 'new row' : 'row')}` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
