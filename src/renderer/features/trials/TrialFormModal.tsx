import { Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { MEETING_TYPE_LABELS } from '@shared/domain/meetings';
import { TRIAL_RESULTS, TRIAL_RESULT_LABELS, trialFields, type TrialRecord } from '@shared/domain/trials';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate } from '../../lib/dates';
import { numberFrom, useCreateTrial, useReviewMeetingOptions, useUpdateTrial } from './useTrials';

export function TrialFormModal({ caseId, trial, onClose }: { caseId: number; trial: TrialRecord | null; onClose: () => void }) {
  const create = useCreateTrial();
  const update = useUpdateTrial();
  const meetings = useReviewMeetingOptions(caseId);
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      what: trial?.what ?? '',
      startOn: trial?.startOn ?? '',
      lengthWeeks: trial ? String(trial.lengthWeeks) : '6',
      measure: trial?.measure ?? '',
      baseline: trial ? String(trial.baseline) : '',
      target: trial ? String(trial.target) : '',
      direction: trial?.direction ?? 'higher',
      collectedBy: trial?.collectedBy ?? '',
      reviewMeetingId: trial?.reviewMeetingId ? String(trial.reviewMeetingId) : '',
      result: trial?.result ?? 'pending',
      resultNotes: trial?.resultNotes ?? '',
    },
    schema: trialFields,
    toInput: (values) => ({
      ...values,
      lengthWeeks: numberFrom(values.lengthWeeks),
      baseline: numberFrom(values.baseline),
      target: numberFrom(values.target),
      reviewMeetingId: values.reviewMeetingId ? Number(values.reviewMeetingId) : null,
    }),
    save: (fields) => (trial ? update.mutateAsync({ id: trial.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: (saved) => (trial ? 'Trial saved' : `Trial “${saved.what}” started`),
    onSaved: onClose,
  });
  const meetingOptions = (meetings.data ?? []).map((meeting) => ({
    value: String(meeting.id),
    label: `${MEETING_TYPE_LABELS[meeting.type]} · ${formatDate(meeting.heldAt.slice(0, 10))}`,
  }));
  return (
    <Modal opened onClose={onClose} title={trial ? 'Edit trial' : 'Start a trial'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="What is tried" withAsterisk data-autofocus placeholder="e.g. Speech-to-text for written assignments" {...field('what')} />
          <Group grow align="flex-start">
            <DateField label="Starts on" isRequired {...field('startOn')} />
            <TextInput label="Length (weeks)" withAsterisk inputMode="numeric" {...field('lengthWeeks')} />
          </Group>
          <TextInput label="Measure (unit)" withAsterisk placeholder="e.g. words written in 10 minutes" {...field('measure')} />
          <Group grow align="flex-start">
            <TextInput label="Baseline" withAsterisk inputMode="decimal" {...field('baseline')} />
            <TextInput label="Target" withAsterisk inputMode="decimal" {...field('target')} />
            <Select
              label="Which way is better?"
              data={[
                { value: 'higher', label: 'Higher is better' },
                { value: 'lower', label: 'Lower is better' },
              ]}
              allowDeselect={false}
              {...field('direction')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="Who collects the data" withAsterisk placeholder="e.g. Ms. Lin, resource teacher" {...field('collectedBy')} />
            <Select label="Review meeting" placeholder="Not planned yet" clearable data={meetingOptions} {...field('reviewMeetingId')} />
          </Group>
          <Select
            label="Result"
            data={TRIAL_RESULTS.map((value) => ({ value, label: TRIAL_RESULT_LABELS[value] }))}
            allowDeselect={false}
            {...field('result')}
          />
          <Textarea label="Result notes" autosize minRows={2} maxRows={6} {...field('resultNotes')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={trial ? 'Save trial' : 'Start trial'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
