import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { TRIAL_RESULT_LABELS, trialEntryFields, type TrialRecord } from '@shared/domain/trials';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { MeasurementTable } from '../../components/MeasurementTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { TrialFormModal } from './TrialFormModal';
import { numberFrom, useAddTrialEntry, useDeleteTrial, useDeleteTrialEntry, useTrials } from './useTrials';

const RESULT_COLORS: Record<TrialRecord['result'], string> = { pending: 'blue', met: 'teal', partly_met: 'yellow', not_met: 'red', inconclusive: 'gray' };

function EntryForm({ trial }: { trial: TrialRecord }) {
  const add = useAddTrialEntry();
  const { field, onSubmit, formError, isSaving, form } = useValidatedForm({
    initialValues: { measuredOn: '', value: '', note: '' },
    schema: trialEntryFields,
    toInput: (values) => ({ ...values, value: numberFrom(values.value) }),
    save: (fields) => add.mutateAsync({ trialId: trial.id, fields }),
    successMessage: (entry) => `Data of ${entry.measuredOn} added`,
    onSaved: () => form.setValues({ measuredOn: '', value: '', note: '' }),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Add data to the trial ${trial.what}`}>
      <Group align="flex-start" gap="xs">
        <DateField label="Date" {...field('measuredOn')} />
        {/* As wide as its label (the measure can be long), so the label keeps one line and the inputs stay level. */}
        <TextInput label={`Value (${trial.measure})`} inputMode="decimal" miw={150} labelProps={{ style: { whiteSpace: 'nowrap' } }} {...field('value')} />
        <TextInput label="Note" w={220} {...field('note')} />
        <Button type="submit" variant="light" mt={25} loading={isSaving}>
          Add data
        </Button>
      </Group>
      <FormErrors message={formError} />
    </form>
  );
}

function TrialCard({ trial, onEdit, onDelete }: { trial: TrialRecord; onEdit: () => void; onDelete: () => void }) {
  const removeEntry = useDeleteTrialEntry();
  return (
    <Paper withBorder radius="md" p="md" data-testid="trial-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={4} size="h5">
            {trial.what}
          </Title>
          <Text size="sm" c="dimmed">
            {formatDate(trial.startOn)} – {formatDate(trial.endOn)} ({trial.lengthWeeks} weeks) · data by {trial.collectedBy}
            {trial.reviewMeetingOn ? ` · review meeting ${formatDate(trial.reviewMeetingOn)}` : ' · no review meeting yet'}
          </Text>
        </div>
        <Group gap={6}>
          <Badge color={RESULT_COLORS[trial.result]} variant="light" tt="none">
            {TRIAL_RESULT_LABELS[trial.result]}
          </Badge>
          <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Edit trial ${trial.what}`} onClick={onEdit}>
            Edit
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={`Delete trial ${trial.what}`} onClick={onDelete}>
            Delete
          </Button>
        </Group>
      </Group>
      <Text size="sm" mt="xs" data-testid="trial-summary">
        {trial.summary}
      </Text>
      {trial.resultNotes && (
        <Text size="sm" c="dimmed" mt={4}>
          {trial.resultNotes}
        </Text>
      )}
      {trial.entries.length > 0 && (
        <MeasurementTable
          label={`Data for ${trial.what}`}
          valueHeader={trial.measure}
          entries={trial.entries}
          deleteLabel={(entry) => `Delete the data of ${formatDate(entry.measuredOn)}`}
          onDelete={(entry) => void removeEntry.mutateAsync({ id: entry.id }).then(() => notifySaved('Data deleted'), notifyFailed)}
        />
      )}
      <Stack mt="sm">
        <EntryForm trial={trial} />
      </Stack>
    </Paper>
  );
}

/** Trial periods with objective data: what, how long, baseline and target, who measures, and the meeting that reviews it. */
export function TrialsTab({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useTrials(caseId);
  const [editing, setEditing] = useState<TrialRecord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TrialRecord | null>(null);
  const remove = useDeleteTrial();
  if (!data) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={620}>
          A trial breaks a deadlock with data: agree what is tried, for how long, how it is measured and by whom, and review the result at a meeting. The data
          appears in that meeting’s preparation and in the binder.
        </Text>
        <Button onClick={() => setEditing('new')}>Start trial</Button>
      </Group>
      {data.length === 0 ? (
        <EmptyState
          title="No trials"
          description="Record a trial period (assistive technology, a reading program, a behavior plan) with its baseline, target and data."
          action={<Button onClick={() => setEditing('new')}>Start trial</Button>}
        />
      ) : (
        data.map((trial) => <TrialCard key={trial.id} trial={trial} onEdit={() => setEditing(trial)} onDelete={() => setDeleting(trial)} />)
      )}
      {editing && <TrialFormModal caseId={caseId} trial={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete trial"
        message={`Delete the trial “${deleting?.what ?? ''}” and its ${deleting?.entries.length ?? 0} data entries?`}
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() =>
          deleting &&
          void remove.mutateAsync({ id: deleting.id }).then(() => {
            notifySaved('Trial deleted');
            setDeleting(null);
          }, notifyFailed)
        }
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
