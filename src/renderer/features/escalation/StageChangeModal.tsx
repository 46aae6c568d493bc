import { Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { stageChangeFields } from '@shared/domain/escalation';
import { CASE_STAGE_LABELS, type CaseStage } from '@shared/domain/vocabulary';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { todayIso } from '../../lib/dates';
import { STAGE_OPTIONS } from '../../lib/labels';
import { useChangeStage } from './useEscalation';

interface StageChangeModalProps {
  caseId: number;
  stage: CaseStage;
  /** Preselects the stage to move to (a rung of the next-step panel). */
  suggested?: CaseStage | undefined;
  onClose: () => void;
}

/** Moves the case on the ladder with the date and the reason: each change is a row of its history. */
export function StageChangeModal({ caseId, stage, suggested, onClose }: StageChangeModalProps) {
  const change = useChangeStage();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { toStage: (suggested ?? null) as CaseStage | null, changedOn: todayIso(), reason: '' },
    schema: stageChangeFields,
    toInput: (values) => ({ ...values, caseId }),
    save: (input) => change.mutateAsync(input),
    successMessage: (saved) => `Stage changed to ${CASE_STAGE_LABELS[saved.toStage]}`,
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Change stage" size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Now at <strong>{CASE_STAGE_LABELS[stage]}</strong>. The change is kept in the stage history with its date and reason.
          </Text>
          <Select
            label="Move to"
            withAsterisk
            placeholder="Choose a stage"
            data={STAGE_OPTIONS.filter((option) => option.value !== stage)}
            allowDeselect={false}
            data-autofocus
            {...field('toStage')}
          />
          <DateField label="Date of the change" isRequired {...field('changedOn')} />
          <Textarea
            label="Why"
            withAsterisk
            description="The facts that moved the case: a refusal, a missed date, the family's decision"
            autosize
            minRows={2}
            maxRows={6}
            {...field('reason')}
          />
          <FormErrors message={formError} />
          <FormActions submitLabel="Change stage" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
