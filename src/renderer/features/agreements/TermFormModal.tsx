import { ActionIcon, Button, Divider, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { termFields, type TermRecord } from '@shared/domain/agreements';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { TERM_CATEGORY_OPTIONS } from './agreement-format';
import { missingAmounts, SCHEDULE_KIND_OPTIONS, termFormValues, termInput, type ScheduleKind, type TermFormValues } from './term-form-values';
import { useCreateTerm, useUpdateTerm } from './useAgreements';

interface TermFormModalProps {
  agreementId: number;
  /** Where a new term starts by default: the agreement's signing date. */
  defaultStart: string;
  /** null adds a new term. */
  term: TermRecord | null;
  onClose: () => void;
}

/** One promise of the agreement: what, how much and how often, by whom, where, from when to when. */
export function TermFormModal({ agreementId, defaultStart, term, onClose }: TermFormModalProps) {
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: termFormValues(term, defaultStart),
    schema: termFields,
    toInput: (values: TermFormValues) => termInput(values),
    save: (fields) => (term ? update.mutateAsync({ id: term.id, fields }) : create.mutateAsync({ agreementId, fields })),
    successMessage: () => (term ? 'Term saved' : 'Term added'),
    onSaved: onClose,
  });
  const kind = form.values.schedule.kind;
  const scheduleError = form.errors.schedule;

  return (
    <Modal opened onClose={onClose} title={term ? 'Edit term' : 'Add a term'} size="xl">
      <form
        onSubmit={(event) => {
          const missing = missingAmounts(form.values);
          if (Object.keys(missing).length === 0) return void onSubmit(event);
          event.preventDefault();
          form.setErrors(missing);
        }}
        noValidate
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select label="Category" data={TERM_CATEGORY_OPTIONS} allowDeselect={false} {...field('category')} />
            <TextInput
              label="Description"
              withAsterisk
              placeholder="e.g. Speech-language therapy, individual"
              data-autofocus
              style={{ gridColumn: 'span 2' }}
              {...field('description')}
            />
          </SimpleGrid>
          <Divider label="Amount and schedule" labelPosition="left" />
          <Select
            label="Kind of schedule"
            data={SCHEDULE_KIND_OPTIONS}
            allowDeselect={false}
            value={kind}
            onChange={(value) => value && form.setFieldValue('schedule.kind', value as ScheduleKind)}
          />
          {kind === 'recurring' && (
            <Group gap="sm" align="flex-start" wrap="wrap">
              <NumberInput label="Sessions" description="per period" min={0} decimalScale={2} w={120} withAsterisk {...field('schedule.sessionsPerPeriod')} />
              <Text pt={48} c="dimmed" aria-hidden>
                ×
              </Text>
              <NumberInput label="Minutes each" description="per session" min={1} allowDecimal={false} w={140} withAsterisk {...field('schedule.minutesPerSession')} />
              <Stack gap={4}>
                <Text size="sm" fw={500} id="term-period-label">
                  Per
                </Text>
                <Text size="xs" c="dimmed">
                  period
                </Text>
                <SegmentedControl
                  aria-labelledby="term-period-label"
                  data={[
                    { value: 'week', label: 'week' },
                    { value: 'month', label: 'month' },
                  ]}
                  {...field('schedule.period')}
                />
              </Stack>
            </Group>
          )}
          {kind === 'total' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput label="Total minutes" min={1} allowDecimal={false} {...field('schedule.totalMinutes')} />
              <NumberInput label="or total sessions" min={1} allowDecimal={false} {...field('schedule.totalSessions')} />
              <NumberInput label="Minutes per session" description="Optional; counts sessions in minutes" min={1} allowDecimal={false} {...field('schedule.minutesPerSession')} />
            </SimpleGrid>
          )}
          {kind === 'one_off' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <DateField label="Due by" isRequired {...field('schedule.dueDate')} />
            </SimpleGrid>
          )}
          {kind === 'payment' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput label="Days after invoice" withAsterisk min={0} allowDecimal={false} {...field('schedule.daysAfterInvoice')} />
              <DateField label="Invoice sent on" description="Blank: nothing is due yet" {...field('schedule.invoiceDate')} />
            </SimpleGrid>
          )}
          {typeof scheduleError === 'string' && (
            <Text size="sm" c="red" role="alert">
              {scheduleError}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label="Provider" placeholder="e.g. District SLP" {...field('provider')} />
            <TextInput label="Location" placeholder="e.g. Resource room, pull-out" {...field('location')} />
            <DateField label="Starts on" isRequired {...field('startsOn')} />
            <DateField label="Ends on" {...field('endsOn')} />
          </SimpleGrid>
          <Divider label="Make-up, reviews and goal" labelPosition="left" />
          <Textarea label="Make-up rule" description="The agreement's own words; quoted in letters" autosize minRows={2} {...field('makeupRule')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DateField label="Make-up deadline" {...field('makeupDeadline')} />
          </SimpleGrid>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Review dates
            </Text>
            {form.values.reviewDates.map((_, index) => (
              <Group key={index} gap="xs" align="flex-end">
                <DateField label={`Review ${index + 1}`} {...field(`reviewDates.${index}`)} />
                <ActionIcon variant="subtle" color="gray" mb={4} aria-label={`Remove review ${index + 1}`} onClick={() => form.removeListItem('reviewDates', index)}>
                  ×
                </ActionIcon>
              </Group>
            ))}
            <div>
              <Button variant="light" size="xs" onClick={() => form.insertListItem('reviewDates', '')}>
                Add a review date
              </Button>
            </div>
          </Stack>
          <Textarea label="Goal it serves" autosize minRows={2} {...field('goal')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={term ? 'Save term' : 'Add term'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
