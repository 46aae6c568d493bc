import {
  Button,
  Checkbox,
  Chip,
  Divider,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { MAKEUP_CLAUSE_KINDS, MAKEUP_CLAUSE_LABELS } from '@shared/compliance/types';
import { termFields, type TermRecord } from '@shared/domain/agreements';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { TERM_CATEGORY_OPTIONS } from './agreement-format';
import {
  ALL_WEEKDAY_OPTIONS,
  missingAmounts,
  SCHEDULE_KIND_OPTIONS,
  termFormValues,
  termInput,
  WEEKDAY_OPTIONS,
  type ScheduleKind,
  type TermFormValues,
} from './term-form-values';
import { useCreateTerm, useUpdateTerm } from './useAgreements';

interface TermFormModalProps {
  agreementId: number;
  /** Where a new term starts by default: the agreement's signing date. */
  defaultStart: string;
  /** null adds a new term. */
  term: TermRecord | null;
  /** The agreement's other terms, for a due date counted from another term's completion. */
  otherTerms?: { id: number; description: string }[];
  onClose: () => void;
}

const DAY_COUNT_OPTIONS = [
  { value: 'calendar', label: 'calendar days' },
  { value: 'business', label: 'business days' },
  { value: 'school', label: 'school days' },
];

/** One promise of the agreement: what, how much and how often, by whom, where, from when to when. */
export function TermFormModal({ agreementId, defaultStart, term, otherTerms = [], onClose }: TermFormModalProps) {
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
  const schedule = form.values.schedule;
  const clauseKind = form.values.makeupClauseKind;

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
              <NumberInput
                label="Minutes each"
                description="per session"
                min={1}
                allowDecimal={false}
                w={140}
                withAsterisk
                {...field('schedule.minutesPerSession')}
              />
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
              {schedule.period === 'week' && (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="term-weekdays-label">
                    On (optional)
                  </Text>
                  <Text size="xs" c="dimmed">
                    one weekday per session
                  </Text>
                  <Chip.Group multiple value={schedule.weekdays} onChange={(value) => form.setFieldValue('schedule.weekdays', value)}>
                    <Group gap={4} aria-labelledby="term-weekdays-label" role="group">
                      {WEEKDAY_OPTIONS.map((option) => (
                        <Chip key={option.value} value={option.value} size="xs">
                          {option.label}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                  {typeof form.errors['schedule.weekdays'] === 'string' && (
                    <Text size="xs" c="red">
                      {form.errors['schedule.weekdays']}
                    </Text>
                  )}
                </Stack>
              )}
            </Group>
          )}
          {kind === 'total' && (
            <>
              <Text size="xs" c="dimmed">
                A compensatory award is paced over its window: the term's start (start by) to its end (complete by).
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                <NumberInput label="Total minutes" min={1} allowDecimal={false} {...field('schedule.totalMinutes')} />
                <NumberInput label="or total sessions" min={1} allowDecimal={false} {...field('schedule.totalSessions')} />
                <NumberInput
                  label="Minutes per session"
                  description="Optional; counts sessions in minutes"
                  min={1}
                  allowDecimal={false}
                  {...field('schedule.minutesPerSession')}
                />
                <NumberInput
                  label="At most, sessions a week"
                  description="The contracted maximum, if any"
                  min={1}
                  max={35}
                  allowDecimal={false}
                  {...field('schedule.maxSessionsPerWeek')}
                />
              </SimpleGrid>
              <Checkbox
                label="The agreement pauses the award over school breaks (pace on school days)"
                checked={schedule.pauseOverBreaks}
                onChange={(event) => form.setFieldValue('schedule.pauseOverBreaks', event.currentTarget.checked)}
              />
            </>
          )}
          {kind === 'one_off' && (
            <Stack gap="xs">
              <SegmentedControl
                aria-label="How the due date is set"
                data={[
                  { value: 'fixed', label: 'By a date' },
                  { value: 'relative', label: 'N days after a date or another term' },
                ]}
                value={schedule.dueMode}
                onChange={(value) => form.setFieldValue('schedule.dueMode', value as 'fixed' | 'relative')}
              />
              {schedule.dueMode === 'fixed' ? (
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <DateField label="Due by" isRequired {...field('schedule.dueDate')} />
                </SimpleGrid>
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <NumberInput label="Within" withAsterisk min={0} allowDecimal={false} {...field('schedule.offsetDays')} />
                  <Select label="Counted in" data={DAY_COUNT_OPTIONS} allowDeselect={false} {...field('schedule.dayCount')} />
                  <Select
                    label="After"
                    data={[
                      { value: 'date', label: 'a date (e.g. receipt of a report)' },
                      { value: 'term', label: "another term's completion" },
                    ]}
                    allowDeselect={false}
                    {...field('schedule.relativeKind')}
                  />
                  {schedule.relativeKind === 'date' ? (
                    <>
                      <TextInput label="What date" placeholder="e.g. receipt of the IEE report" withAsterisk {...field('schedule.relativeLabel')} />
                      <DateField label="On" description="Blank until it happens" {...field('schedule.relativeDate')} />
                    </>
                  ) : (
                    <Select
                      label="Term"
                      data={otherTerms.map((other) => ({ value: String(other.id), label: other.description }))}
                      {...field('schedule.relativeTermId')}
                    />
                  )}
                  <DateField label="No later than" description="Optional cap" {...field('schedule.noLaterThan')} />
                </SimpleGrid>
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput
                  label="For how many"
                  description="People or items (e.g. 6 teachers); blank: once"
                  min={1}
                  allowDecimal={false}
                  {...field('schedule.totalCount')}
                />
                <TextInput label="Of what" placeholder="e.g. teachers" {...field('schedule.countLabel')} />
              </SimpleGrid>
            </Stack>
          )}
          {kind === 'recurring_deliverable' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label="Every"
                data={[
                  { value: 'month', label: 'month' },
                  { value: 'week', label: 'week' },
                ]}
                allowDeselect={false}
                {...field('schedule.frequency')}
              />
              {schedule.frequency === 'month' ? (
                <NumberInput label="By day of the month" withAsterisk min={1} max={31} allowDecimal={false} {...field('schedule.dayOfMonth')} />
              ) : (
                <Select label="By" data={ALL_WEEKDAY_OPTIONS} allowDeselect={false} {...field('schedule.weekday')} />
              )}
              <Select
                label="When that is not a school day"
                data={[
                  { value: 'before', label: 'the school day before' },
                  { value: 'after', label: 'the school day after' },
                  { value: 'keep', label: 'keep the date' },
                ]}
                allowDeselect={false}
                {...field('schedule.nonSchoolDay')}
              />
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
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Make-up window"
              description="How long a session the district missed can be made up"
              data={MAKEUP_CLAUSE_KINDS.map((value) => ({ value, label: MAKEUP_CLAUSE_LABELS[value] }))}
              allowDeselect={false}
              {...field('makeupClauseKind')}
            />
            {clauseKind === 'school_days_after' && (
              <NumberInput label="School days after the miss" withAsterisk min={1} max={200} allowDecimal={false} {...field('makeupSchoolDays')} />
            )}
            {clauseKind === 'by_date' && <DateField label="Make-up deadline" isRequired {...field('makeupDeadline')} />}
          </SimpleGrid>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Review dates
            </Text>
            {form.values.reviewDates.map((_, index) => (
              <Group key={index} gap="xs" align="flex-end">
                <DateField label={`Review ${index + 1}`} {...field(`reviewDates.${index}`)} />
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="gray"
                  mb={4}
                  aria-label={`Remove review ${index + 1}`}
                  onClick={() => form.removeListItem('reviewDates', index)}
                >
                  Remove
                </Button>
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
