import { contract } from '@shared/api/contract';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { DateField } from '../../components/DateField';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { DeadlineFormModal } from './DeadlineFormModal';
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
    schema: contract['deadlines.complete'].input,
    toInput: (values) => ({ metOn: values.metOn, target: targetOf(item) }),
    save: (input) => complete.mutateAsync(input),
    successMessage: (saved) => `“${saved.title}”: ${saved.timeliness?.text ?? `${word} on ${formatDate(saved.metOn)}`}`,
    onSaved: onClose,
  });
  return (
    <DeadlineFormModal
      title={`When was it ${word}?`}
      size="sm"
      item={item}
      onSubmit={onSubmit}
      formError={formError}
      isSaving={isSaving}
      submitLabel="Save date"
      onClose={onClose}
    >
      <DateField label={`Date ${word}`} isRequired autoFocus description="The day it happened; today or earlier" {...field('metOn')} />
    </DeadlineFormModal>
  );
}
