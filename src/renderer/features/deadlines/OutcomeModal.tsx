import { Textarea } from '@mantine/core';
import { contract } from '@shared/api/contract';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { useValidatedForm } from '../../components/use-validated-form';
import { DeadlineFormModal } from './DeadlineFormModal';
import { targetOf, useSetOutcome } from './useDeadlines';

export type Outcome = 'missed' | 'waived' | 'vacated';

const TITLES: Record<Outcome, string> = { missed: 'Record as missed', waived: 'Record as waived', vacated: 'Record as vacated or superseded' };
const PLACEHOLDERS: Record<Outcome, string> = {
  missed: 'e.g. District held no meeting; raised in the state complaint',
  waived: 'e.g. Parent and district waived the resolution meeting in writing on 2/6',
  vacated: 'e.g. Superseded: the complaint was withdrawn after settlement',
};

/** Closing a deadline without it being met is a judgement to explain later: the reason is required and kept. */
export function OutcomeModal({
  item,
  outcome,
  onClose,
}: {
  item: Pick<DeadlineItem, 'kind' | 'taskId' | 'caseId' | 'key' | 'title' | 'dueDate'>;
  outcome: Outcome;
  onClose: () => void;
}) {
  const setOutcome = useSetOutcome();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { reason: '' },
    schema: contract['deadlines.setOutcome'].input,
    toInput: (values) => ({ reason: values.reason, outcome, target: targetOf(item) }),
    save: (input) => setOutcome.mutateAsync(input),
    successMessage: (saved) => `“${saved.title}” recorded as ${saved.status}`,
    onSaved: onClose,
  });
  return (
    <DeadlineFormModal
      title={TITLES[outcome]}
      size="md"
      item={item}
      onSubmit={onSubmit}
      formError={formError}
      isSaving={isSaving}
      submitLabel="Save"
      onClose={onClose}
    >
      <Textarea label="Reason" withAsterisk autoFocus placeholder={PLACEHOLDERS[outcome]} autosize minRows={2} maxRows={6} {...field('reason')} />
    </DeadlineFormModal>
  );
}
