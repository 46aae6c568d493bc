import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { PROGRESS_SOURCES, PROGRESS_SOURCE_LABELS, type ProgressImportPreview, type ProgressSource } from '@shared/domain/ieps';
import { useState } from 'react';
import { callMethod } from '../../api/use-api';
import { ImportFileField } from '../../components/ImportFileField';
import { errorMessage } from '../../lib/form-errors';
import { referenceFor, type PickedFile } from '../../lib/import-file';
import { notifySaved } from '../../lib/notify';
import { useImportProgress } from './useIeps';

/** A goal's progress data from CSV (date, value, optional rating and note), previewed; all or nothing. */
export function ProgressImportModal({ goalId, goalArea, onClose }: { goalId: number; goalArea: string; onClose: () => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ProgressImportPreview | null>(null);
  const [source, setSource] = useState<ProgressSource>('advocate_data');
  const [error, setError] = useState<string | null>(null);
  const importProgress = useImportProgress();

  async function choose(chosen: PickedFile | null) {
    setFile(chosen);
    setPreview(null);
    setError(null);
    if (!chosen) return;
    try {
      setPreview(await callMethod('ieps.previewProgressImport', { goalId, file: await referenceFor(chosen) }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  async function runImport() {
    if (!file) return;
    try {
      const result = await importProgress.mutateAsync({ goalId, source, file: await referenceFor(file) });
      notifySaved(`Imported ${result.importedCount} progress ${result.importedCount === 1 ? 'entry' : 'entries'}`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Import progress data: ${goalArea}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A CSV with a <i>date</i> and a <i>value</i> column, and optionally the district’s <i>rating</i> and a <i>note</i>. Nothing is saved until you press
          Import, and a file with any unreadable line is not imported at all.
        </Text>
        <ImportFileField
          kind="progressData"
          label="Progress data file"
          placeholder="Drop a .csv file here"
          accept=".csv,text/csv"
          value={file}
          onChange={(chosen) => void choose(chosen)}
          data-autofocus
        />
        <Select
          label="Where the data comes from"
          data={PROGRESS_SOURCES.map((value) => ({ value, label: PROGRESS_SOURCE_LABELS[value] }))}
          allowDeselect={false}
          value={source}
          onChange={(value) => value && setSource(value as ProgressSource)}
        />
        {error && (
          <Alert color="red" variant="light" title="Not imported" role="alert">
            {error}
          </Alert>
        )}
        {preview && preview.errors.length > 0 && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={`${preview.errors.length} ${preview.errors.length === 1 ? 'line' : 'lines'} could not be read`}
          >
            <List size="sm">
              {preview.errors.map((problem) => (
                <List.Item key={problem.line}>
                  Line {problem.line}: {problem.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview && preview.isImportable && (
          <Text size="sm">
            {preview.rows.length} {preview.rows.length === 1 ? 'entry' : 'entries'} read, {preview.rows[0]!.measuredOn} to {preview.rows.at(-1)!.measuredOn}.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void runImport()} disabled={!preview?.isImportable} loading={importProgress.isPending}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
