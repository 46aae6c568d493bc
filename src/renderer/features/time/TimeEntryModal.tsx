import { Checkbox, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { formatMinutes } from '@shared/format';
import { formatClockDuration, timeEntryFields, type TimeEntry } from '@shared/domain/time-entries';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { todayIso } from '../../lib/dates';
import { parseDuration } from './duration';
import { useCreateTimeEntry, useUpdateTimeEntry } from './useTime';

interface TimeEntryModalProps {
  caseId: number;
  /** null adds an entry by hand. */
  entry: TimeEntry | null;
  onClose: () => void;
}

/** Time entered by hand or corrected after the timer: date, duration (minutes or h:mm), what, billable. */
export function TimeEntryModal({ caseId, entry, onClose }: TimeEntryModalProps) {
  const create = useCreateTimeEntry();
  const update = useUpdateTimeEntry();
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      workedOn: entry?.workedOn ?? todayIso(),
      duration: entry ? formatClockDuration(entry.minutes) : '',
      description: entry?.description ?? '',
      isBillable: entry?.isBillable ?? true,
    },
    schema: timeEntryFields,
    // An unreadable duration goes to the schema as NaN, which it reports on 'minutes'.
    toInput: ({ duration, ...values }) => ({ ...values, minutes: parseDuration(duration) ?? Number.NaN }),
    save: (fields) => (entry ? update.mutateAsync({ id: entry.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: (saved) => `${formatMinutes(saved.minutes)} ${entry ? 'saved' : 'added'}`,
    onSaved: onClose,
  });
  // The schema checks minutes; a duration that could not be read gets a message about how to write it.
  const durationError =
    form.errors.minutes && parseDuration(form.values.duration) === null ? 'Write minutes (45) or hours and minutes (1:30)' : form.errors.minutes;

  return (
    <Modal opened onClose={onClose} title={entry ? 'Edit time' : 'Add time'} size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <DateField label="Date" isRequired {...field('workedOn')} />
            <TextInput
              label="Duration"
              withAsterisk
              description="Minutes, or h:mm"
              placeholder="e.g. 45 or 1:30"
              data-autofocus
              {...field('duration')}
              error={durationError}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            placeholder="e.g. Reviewed the draft IEP and progress reports"
            autosize
            minRows={2}
            maxRows={6}
            {...field('description')}
          />
          <Checkbox label="Billable" {...field('isBillable', { type: 'checkbox' })} />
          <FormErrors message={formError} />
          <FormActions submitLabel={entry ? 'Save time' : 'Add time'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
