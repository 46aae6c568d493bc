import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { formatCount } from '@shared/format';
import { useState } from 'react';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { exportToFile } from '../../lib/save-file';

const REMINDER_OPTIONS = [
  { value: 'none', label: 'No reminder' },
  { value: '30', label: '30 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '1440', label: '1 day before' },
  { value: '2880', label: '2 days before' },
  { value: '10080', label: '1 week before' },
];

/** Upcoming open deadlines and meetings as an .ics file for another calendar app; names stay out unless asked for. */
export function ExportIcsModal({ onClose }: { onClose: () => void }) {
  const [days, setDays] = useState<number | string>(90);
  const [meetingMinutes, setMeetingMinutes] = useState<number | string>(60);
  const [reminder, setReminder] = useState('1440');
  const [includeNames, setIncludeNames] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isExporting, setIsExporting] = useState(false);
  const dayCount = typeof days === 'number' ? days : Number(days);
  const isDaysValid = Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= 730;
  const meetingLength = typeof meetingMinutes === 'number' ? meetingMinutes : Number(meetingMinutes);
  const isLengthValid = Number.isInteger(meetingLength) && meetingLength >= 15 && meetingLength <= 600;

  async function exportFile() {
    if (!isDaysValid || !isLengthValid) return;
    setError(null);
    setIsExporting(true);
    try {
      const file = await exportToFile('deadlines.exportIcs', {
        days: dayCount,
        includeNames,
        meetingMinutes: meetingLength,
        reminderMinutes: reminder === 'none' ? null : Number(reminder),
      });
      if (!file.savedPath) return;
      const eventCount = Number(file.summary['eventCount'] ?? 0);
      const meetingCount = Number(file.summary['meetingCount'] ?? 0);
      notifySaved(`${formatCount(eventCount, 'deadline')} and ${formatCount(meetingCount, 'meeting')} exported to ${file.savedPath}`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setIsExporting(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Export deadlines and meetings (.ics)" size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void exportFile();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">
            Open deadlines and tasks of every open case, from today on, as all-day events, and their meetings at their time and place, for Outlook, Google or
            Apple Calendar.
          </Text>
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
          <Group grow align="flex-start">
            <NumberInput
              label="Meetings last (minutes)"
              description="Meetings have a start time only"
              min={15}
              max={600}
              step={15}
              allowDecimal={false}
              value={meetingMinutes}
              onChange={setMeetingMinutes}
              error={isLengthValid ? undefined : 'Choose between 15 and 600 minutes'}
            />
            <Select
              label="Reminder"
              description="For every deadline and meeting"
              data={REMINDER_OPTIONS}
              value={reminder}
              onChange={(value) => setReminder(value ?? 'none')}
              allowDeselect={false}
            />
          </Group>
          <Checkbox
            label="Include student names in event titles"
            description="Without names, events read like “Annual IEP review (case 12)”."
            checked={includeNames}
            onChange={(event) => setIncludeNames(event.currentTarget.checked)}
          />
          <Alert color={includeNames ? 'red' : 'yellow'} variant="light" title="This file leaves the encrypted vault">
            {includeNames
              ? 'The file will name students next to their legal deadlines, unencrypted. Anyone with the file or the calendar it is imported into can read it.'
              : 'The file is not encrypted. It holds case numbers, deadline names and meeting places but no student names.'}
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
            <Button type="submit" loading={isExporting} disabled={!isDaysValid || !isLengthValid}>
              Export .ics
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
