import { Modal, NumberInput, Stack, Text } from '@mantine/core';
import { complianceThresholdsSchema, type ComplianceThresholds } from '@shared/compliance/types';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { useSetComplianceThresholds } from './useAgreements';

/** The advocate's own lines for 'behind' and for a review date met; they apply to every agreement. */
export function ThresholdsModal({ thresholds, onClose }: { thresholds: ComplianceThresholds; onClose: () => void }) {
  const save = useSetComplianceThresholds();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { ...thresholds } as Record<string, unknown> & ComplianceThresholds,
    schema: complianceThresholdsSchema,
    save: (values) => save.mutateAsync(values),
    successMessage: () => 'Compliance thresholds saved; every agreement is recomputed with them',
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title="Compliance thresholds" size="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            These apply to every agreement in the vault, on this page, the case summaries and the dashboard.
          </Text>
          <NumberInput
            label="Behind below"
            description="A term is behind when less than this share of what is owed has been delivered"
            suffix="%"
            min={0}
            max={100}
            data-autofocus
            {...field('behindBelowPercent')}
          />
          <NumberInput
            label="Ignore shortfalls up to"
            description="Minutes owed accrue by school day, so early in a week a term can look short before its sessions happen"
            suffix=" min"
            min={0}
            allowDecimal={false}
            {...field('behindMinimumShortfallMinutes')}
          />
          <NumberInput
            label="Review grace period"
            description="A meeting within this many days of a review date satisfies it"
            suffix=" days"
            min={0}
            max={365}
            allowDecimal={false}
            {...field('reviewGraceDays')}
          />
          <FormErrors message={formError} />
          <FormActions submitLabel="Save thresholds" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
