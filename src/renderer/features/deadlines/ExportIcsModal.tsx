import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { exportToFile } from '../../lib/save-file';

/** Upcoming open deadlines as an .ics file for another calendar app; names stay out unless asked for. */
export function ExportIcsModal({ onClose }: { onClose: () => void }) {
  const [days, setDays] = useState<number | string>(90);
  const [includeNames, setIncludeNames] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isExporting, setIsExporting] = useState(false);
  const dayCount = typeof days === 'number' ? days : Number(days);
  const isDaysValid = Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= 730;

  async function exportFile() {
    if (!isDaysValid) return;
    setError(null);
    setIsExporting(true);
    try {
      const file = await exportToFile('deadlines.exportIcs', { days: dayCount, includeNames });
      if (!file.savedPath) return;
      const eventCount = Number(file.summary['eventCount'] ?? 0);
      notifySaved(`${eventCount} ${eventCount === 1 ? 'deadline' : 'deadlines'} exported to ${file.savedPath}`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsExporting(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Export deadlines (.ics)" size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void exportFile();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">Open deadlines and tasks of every open case, from today on, as all-day events for Outlook, Google or Apple Calendar.</Text>
          <NumberInput
            label="Days ahead"
            min={1}
            max={730}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            error={isDaysValid ? undefined : 'Choose between 1 and 730 days'}
            data-autofocus
          />
          <Checkbox
            label="Include student names in event titles"
            description="Without names, events read like “Annual IEP review (case 12)”."
            checked={includeNames}
            onChange={(event) => setIncludeNames(event.currentTarget.checked)}
          />
          <Alert color={includeNames ? 'red' : 'yellow'} variant="light" title="This file leaves the encrypted vault">
            {includeNames
              ? 'The file will name students next to their legal deadlines, unencrypted. Anyone with the file or the calendar it is imported into can read it.'
              : 'The file is not encrypted. It holds case numbers and deadline names but no student names.'}
          </Alert>
          {error && (
            <Alert color="red" variant="light" role="alert" title="Not exported">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={isExporting} disabled={!isDaysValid}>
              Export .ics
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
