import { Alert, Badge, Button, Group, Modal, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { CalendarImportPreview } from '@shared/domain/deadline-entities';
import { callMethod } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { ImportFileField } from '../../components/ImportFileField';
import { formatDate } from '../../lib/dates';
import { errorMessage, serverFieldErrors } from '../../lib/form-errors';
import { referenceFor, type PickedFile } from '../../lib/import-file';
import { notifySaved } from '../../lib/notify';
import { useDistrictOptions } from '../contacts/useContacts';
import { ClosuresTable, GradingPeriodsTable } from './ClosuresTable';
import { useImportSchoolCalendar } from './useSchoolCalendars';
import { formatCount } from '@shared/format';

type Format = 'csv' | 'ics';

function PreviewErrors({ errors }: { errors: CalendarImportPreview['errors'] }) {
  return (
    <Alert color="red" variant="light" title={`${errors.length} ${errors.length === 1 ? 'row' : 'rows'} could not be read: nothing will be imported`}>
      <Table aria-label="Rows that could not be read" withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {errors.map((error) => (
            <Table.Tr key={`${error.line}:${error.reason}`}>
              <Table.Td w={90} fw={600}>
                {error.line === 0 ? 'File' : `Line ${error.line}`}
              </Table.Td>
              <Table.Td>{error.reason}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" mt="xs">
        Fix these rows in the file and preview it again.
      </Text>
    </Alert>
  );
}

/**
 * A district's CSV or .ics calendar, previewed before anything is saved: every closure it would
 * add and every row it could not read. Import is all or nothing.
 */
export function ImportCalendarModal({ defaultDistrictId, onClose }: { defaultDistrictId: number | null; onClose: () => void }) {
  const districtOptions = useDistrictOptions();
  const importCalendar = useImportSchoolCalendar();
  const [districtId, setDistrictId] = useState<string | null>(defaultDistrictId ? String(defaultDistrictId) : null);
  const [label, setLabel] = useState('');
  const [format, setFormat] = useState<Format>('csv');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<CalendarImportPreview | null>(null);
  const [firstDay, setFirstDay] = useState('');
  const [lastDay, setLastDay] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  function chooseFile(chosen: PickedFile | null) {
    setFile(chosen);
    setPreview(null);
    setFormError(null);
    if (!chosen) return;
    if (/\.ics$/i.test(chosen.name)) setFormat('ics');
    else if (/\.(csv|txt)$/i.test(chosen.name)) setFormat('csv');
  }

  async function runPreview() {
    if (!file) return setErrors({ file: 'Choose the district’s calendar file' });
    setErrors({});
    setFormError(null);
    setIsBusy(true);
    try {
      const result = await callMethod('calendars.previewImport', { format, file: await referenceFor(file) });
      setPreview(result);
      setFirstDay(result.firstDay ?? '');
      setLastDay(result.lastDay ?? '');
    } catch (failure) {
      setFormError(errorMessage(failure));
    } finally {
      setIsBusy(false);
    }
  }

  async function runImport() {
    const missing: Record<string, string> = {};
    if (!districtId) missing.districtId = 'Choose the district';
    if (!label.trim()) missing.label = 'School year is required';
    if (!preview?.firstDay && !firstDay) missing.firstDay = 'The file has no first day: enter it';
    if (!preview?.lastDay && !lastDay) missing.lastDay = 'The file has no last day: enter it';
    setErrors(missing);
    if (Object.keys(missing).length > 0 || !file) return;
    setIsBusy(true);
    setFormError(null);
    try {
      const result = await importCalendar.mutateAsync({
        districtId: Number(districtId),
        label: label.trim(),
        format,
        file: await referenceFor(file),
        ...(preview?.firstDay ? {} : { firstDay }),
        ...(preview?.lastDay ? {} : { lastDay }),
      });
      if (!result.isSaved) {
        setPreview(result.preview);
        return;
      }
      notifySaved(`School year ${result.calendar.label} imported with ${formatCount(result.calendar.closures.length, 'closure')}`);
      onClose();
    } catch (failure) {
      setErrors(serverFieldErrors(failure));
      setFormError(errorMessage(failure));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="Import a school calendar" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          A CSV (date or start/end, label, kind columns) or an .ics calendar from the district’s website. Rows marked “first day” or “last day” set the school
          year.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="District"
            withAsterisk
            data={districtOptions}
            searchable
            value={districtId}
            onChange={setDistrictId}
            error={errors.districtId}
            data-autofocus
          />
          <TextInput
            label="School year"
            withAsterisk
            placeholder="e.g. 2026-27"
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            error={errors.label}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Format
            </Text>
            <SegmentedControl
              data={[
                { value: 'csv', label: 'CSV' },
                { value: 'ics', label: '.ics' },
              ]}
              value={format}
              onChange={(value) => {
                setFormat(value as Format);
                setPreview(null);
              }}
              aria-label="File format"
            />
          </Stack>
        </SimpleGrid>
        <Group align="flex-end" gap="sm">
          <div style={{ flex: 1 }}>
            <ImportFileField
              kind="schoolCalendar"
              label="Calendar file"
              withAsterisk
              placeholder="Drop a .csv or .ics file here"
              accept=".csv,.ics,.txt,text/csv,text/calendar"
              value={file}
              onChange={chooseFile}
              error={errors.file}
            />
          </div>
          <Button variant="default" onClick={() => void runPreview()} loading={isBusy && !preview} disabled={!file}>
            Preview
          </Button>
        </Group>
        {preview && (
          <Stack gap="sm" data-testid="import-preview">
            <Group gap="xs">
              <Badge color={preview.isValid ? 'teal' : 'red'} variant="light" tt="none">
                {preview.isValid ? 'Ready to import' : 'Has errors'}
              </Badge>
              <Text size="sm">
                {preview.closures.length} {preview.closures.length === 1 ? 'closure' : 'closures'}
                {preview.firstDay ? ` · first day ${formatDate(preview.firstDay)}` : ''}
                {preview.lastDay ? ` · last day ${formatDate(preview.lastDay)}` : ''}
              </Text>
            </Group>
            {preview.errors.length > 0 && <PreviewErrors errors={preview.errors} />}
            {(!preview.firstDay || !preview.lastDay) && preview.isValid && (
              <SimpleGrid cols={2} spacing="sm">
                {!preview.firstDay && (
                  <DateField
                    label="First day of school"
                    isRequired
                    value={firstDay}
                    onChange={(value) => setFirstDay(String(value ?? ''))}
                    error={errors.firstDay}
                  />
                )}
                {!preview.lastDay && (
                  <DateField
                    label="Last day of school"
                    isRequired
                    value={lastDay}
                    onChange={(value) => setLastDay(String(value ?? ''))}
                    error={errors.lastDay}
                  />
                )}
              </SimpleGrid>
            )}
            <ScrollArea.Autosize mah={260}>
              <ClosuresTable closures={preview.closures} label="Closures to import" />
              <GradingPeriodsTable periods={preview.gradingPeriods} label="Grading periods to import" />
            </ScrollArea.Autosize>
          </Stack>
        )}
        {formError && (
          <Alert color="red" variant="light" role="alert" title="Not imported">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void runImport()} loading={isBusy && Boolean(preview)} disabled={!preview?.isValid}>
            Import school year
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
