import { ActionIcon, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { calendarFields, type SchoolCalendarRecord } from '@shared/domain/deadline-entities';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { useDistrictOptions } from '../contacts/useContacts';
import { useSaveSchoolCalendar } from './useSchoolCalendars';

type ClosureValues = { start: string; end: string; label: string; kind: 'holiday' | 'break' };
type GradingPeriodValues = { start: string; end: string; label: string };
type CalendarValues = {
  districtId: string | null;
  label: string;
  firstDay: string;
  lastDay: string;
  closures: ClosureValues[];
  gradingPeriods: GradingPeriodValues[];
};

const KIND_OPTIONS = [
  { value: 'holiday', label: 'Holiday' },
  { value: 'break', label: 'Break' },
];

interface CalendarFormModalProps {
  /** null enters a new school year. */
  calendar: SchoolCalendarRecord | null;
  defaultDistrictId: number | null;
  onClose: () => void;
}

/** A school year typed by hand: first and last day, then each holiday or break. */
export function CalendarFormModal({ calendar, defaultDistrictId, onClose }: CalendarFormModalProps) {
  const save = useSaveSchoolCalendar();
  const districtOptions = useDistrictOptions();
  const districtId = calendar?.districtId ?? defaultDistrictId;
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      districtId: districtId ? String(districtId) : null,
      label: calendar?.label ?? '',
      firstDay: calendar?.firstDay ?? '',
      lastDay: calendar?.lastDay ?? '',
      closures: calendar?.closures.map((closure) => ({ ...closure })) ?? [],
      gradingPeriods: calendar?.gradingPeriods.map((period) => ({ ...period })) ?? [],
    } as CalendarValues,
    schema: calendarFields,
    // A one-day closure may leave 'through' blank: it ends the day it starts.
    toInput: (values) => ({
      ...values,
      districtId: values.districtId ? Number(values.districtId) : undefined,
      closures: values.closures.map((closure) => ({ ...closure, end: closure.end.trim() || closure.start })),
    }),
    save: (fields) => save.mutateAsync(calendar ? { id: calendar.id, fields } : { fields }),
    successMessage: (saved) => `School year ${saved.label} saved for ${saved.districtName}`,
    onSaved: onClose,
  });
  const closures = form.values.closures;
  const gradingPeriods = form.values.gradingPeriods;

  return (
    <Modal opened onClose={onClose} title={calendar ? `Edit school year ${calendar.label}` : 'New school year'} size="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
            <Select label="District" withAsterisk data={districtOptions} searchable data-autofocus {...field('districtId')} />
            <TextInput label="School year" withAsterisk placeholder="e.g. 2026-27" {...field('label')} />
            <DateField label="First day of school" isRequired {...field('firstDay')} />
            <DateField label="Last day of school" isRequired {...field('lastDay')} />
          </SimpleGrid>
          <Group justify="space-between" mt="xs">
            <Text fw={600} size="sm">
              Holidays and breaks
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => form.insertListItem('closures', { start: '', end: '', label: '', kind: 'holiday' })}>
              Add closure
            </Button>
          </Group>
          {closures.length === 0 ? (
            <Text size="sm" c="dimmed">
              None yet. Add each holiday (district closed) and break (no school, office open).
            </Text>
          ) : (
            <Table aria-label="Closures" layout="fixed" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>From</Table.Th>
                  <Table.Th w={170}>Through</Table.Th>
                  <Table.Th>Label</Table.Th>
                  <Table.Th w={120}>Kind</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {closures.map((_, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Closure ${index + 1} from`}
                        placeholder="YYYY-MM-DD"
                        maxLength={10}
                        autoComplete="off"
                        {...field(`closures.${index}.start`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Closure ${index + 1} through`}
                        placeholder="same day"
                        maxLength={10}
                        autoComplete="off"
                        {...field(`closures.${index}.end`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`Closure ${index + 1} label`} placeholder="e.g. Thanksgiving break" {...field(`closures.${index}.label`)} />
                    </Table.Td>
                    <Table.Td>
                      <Select aria-label={`Closure ${index + 1} kind`} data={KIND_OPTIONS} allowDeselect={false} {...field(`closures.${index}.kind`)} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove closure ${index + 1}`}
                        onClick={() => form.removeListItem('closures', index)}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="space-between" mt="xs">
            <div>
              <Text fw={600} size="sm">
                Grading periods
              </Text>
              <Text size="xs" c="dimmed">
                Quarters or marking periods; a make-up clause 'within the same grading period' counts on them.
              </Text>
            </div>
            <Button size="compact-sm" variant="light" onClick={() => form.insertListItem('gradingPeriods', { start: '', end: '', label: '' })}>
              Add grading period
            </Button>
          </Group>
          {gradingPeriods.length > 0 && (
            <Table aria-label="Grading periods" layout="fixed" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>From</Table.Th>
                  <Table.Th w={170}>Through</Table.Th>
                  <Table.Th>Label</Table.Th>
                  <Table.Th w={40} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {gradingPeriods.map((_, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>
                      <TextInput
                        aria-label={`Grading period ${index + 1} from`}
                        placeholder="YYYY-MM-DD"
                        maxLength={10}
                        autoComplete="off"
                        {...field(`gradingPeriods.${index}.start`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`Grading period ${index + 1} through`}
                        placeholder="YYYY-MM-DD"
                        maxLength={10}
                        autoComplete="off"
                        {...field(`gradingPeriods.${index}.end`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`Grading period ${index + 1} label`} placeholder="e.g. Quarter 1" {...field(`gradingPeriods.${index}.label`)} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove grading period ${index + 1}`}
                        onClick={() => form.removeListItem('gradingPeriods', index)}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <FormErrors message={formError} />
          <FormActions submitLabel="Save school year" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
