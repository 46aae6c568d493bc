import { Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { goalFields, type GoalRecord } from '@shared/domain/ieps';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { numberFrom, useCreateGoal, useUpdateGoal } from './useIeps';

export function GoalFormModal({ iepId, goal, onClose }: { iepId: number; goal: GoalRecord | null; onClose: () => void }) {
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      area: goal?.area ?? '',
      statement: goal?.statement ?? '',
      baseline: goal ? String(goal.baseline) : '',
      target: goal ? String(goal.target) : '',
      measure: goal?.measure ?? '',
      direction: goal?.direction ?? 'higher',
    },
    schema: goalFields,
    toInput: (values) => ({ ...values, baseline: numberFrom(values.baseline), target: numberFrom(values.target) }),
    save: (fields) => (goal ? update.mutateAsync({ id: goal.id, fields }) : create.mutateAsync({ iepId, fields })),
    successMessage: (saved) => (goal ? 'Goal saved' : `Goal “${saved.area}” added`),
    onSaved: onClose,
  });
  const direction = field('direction');
  return (
    <Modal opened onClose={onClose} title={goal ? 'Edit goal' : 'Add a measurable goal'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Area" withAsterisk data-autofocus placeholder="e.g. Reading fluency" {...field('area')} />
          <Textarea label="Goal as written in the IEP" autosize minRows={2} maxRows={6} {...field('statement')} />
          <Group grow align="flex-start">
            <TextInput label="Baseline" withAsterisk inputMode="decimal" {...field('baseline')} />
            <TextInput label="Target" withAsterisk inputMode="decimal" {...field('target')} />
          </Group>
          <TextInput label="Measure (unit)" withAsterisk placeholder="e.g. words correct per minute" {...field('measure')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="goal-direction-label">
              Which way is better?
            </Text>
            <SegmentedControl
              aria-labelledby="goal-direction-label"
              data={[
                { value: 'higher', label: 'Higher is better' },
                { value: 'lower', label: 'Lower is better' },
              ]}
              value={String(direction.value)}
              onChange={(value) => direction.onChange(value)}
            />
            {direction.error && (
              <Text size="xs" c="red" role="alert">
                {direction.error}
              </Text>
            )}
          </Stack>
          <FormErrors message={formError} />
          <FormActions submitLabel={goal ? 'Save goal' : 'Add goal'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
