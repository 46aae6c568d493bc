import { Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { contract } from '@shared/api/contract';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { DateField } from '../../components/DateField';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { DeadlineFormModal } from './DeadlineFormModal';
import { targetOf, useSnoozeTask } from './useDeadlines';

interface SnoozeModalProps {
  item: Pick<DeadlineItem, 'kind' | 'taskId' | 'caseId' | 'key' | 'title' | 'dueDate'>;
  onClose: () => void;
}

/**
 * Hiding a deadline is a judgement the advocate may have to explain later, so the reason is
 * required and kept (and audited); the item comes back on its own on the chosen date.
 */
export function SnoozeModal({ item, onClose }: SnoozeModalProps) {
  const snooze = useSnoozeTask();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { until: dayjs(todayIso()).add(7, 'day').format('YYYY-MM-DD'), reason: '' },
    schema: contract['deadlines.snooze'].input,
    toInput: (values) => ({ ...values, target: targetOf(item) }),
    save: (input) => snooze.mutateAsync(input),
    successMessage: (saved) => `“${saved.title}” snoozed until ${formatDate(saved.snoozedUntil)}`,
    onSaved: onClose,
  });
  return (
    <DeadlineFormModal
      title="Snooze deadline"
      size="md"
      item={item}
      onSubmit={onSubmit}
      formError={formError}
      isSaving={isSaving}
      submitLabel="Snooze"
      onClose={onClose}
    >
      <DateField label="Snooze until" isRequired autoFocus description="It comes back on this date" {...field('until')} />
      <Textarea
        label="Reason"
        withAsterisk
        placeholder="e.g. District agreed in writing to extend to this date"
        autosize
        minRows={2}
        maxRows={6}
        {...field('reason')}
      />
    </DeadlineFormModal>
  );
}
