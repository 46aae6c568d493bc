import { Modal, Stack, Text } from '@mantine/core';
import { contract } from '@shared/api/contract';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { targetOf, useCompleteTask } from './useDeadlines';

interface MetDateModalProps {
  item: Pick<DeadlineItem, 'kind' | 'taskId' | 'caseId' | 'key' | 'title' | 'dueDate' | 'metOn'>;
  word: string;
  onClose: () => void;
}

/** The day a deadline was actually met: back-dated to when it happened, never in the future. */
export function MetDateModal({ item, word, onClose }: MetDateModalProps) {
  const complete = useCompleteTask();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { metOn: item.metOn ?? todayIso() },
    schema: contract['tasks.complete'].input,
    toInput: (values) => ({ metOn: values.metOn, target: targetOf(item) }),
    save: (input) => complete.mutateAsync(input),
    successMessage: (saved) => `“${saved.title}”: ${saved.timeliness?.text ?? `${word} on ${formatDate(saved.metOn)}`}`,
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title={`When was it ${word}?`} size="sm">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            <Text span fw={600}>
              {item.title}
            </Text>
            {item.dueDate ? ` · due ${formatDate(item.dueDate)}` : ''}
          </Text>
          <DateField label={`Date ${word}`} isRequired autoFocus description="The day it happened; today or earlier" {...field('metOn')} />
          <FormErrors message={formError} />
          <FormActions submitLabel="Save date" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
