import { Checkbox, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { contract } from '@shared/api/contract';
import type { JurisdictionSummary } from '@shared/domain/deadline-entities';
import type { OffsetUnit, WeekendPolicy } from '@shared/deadlines';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { OFFSET_UNIT_LABELS } from '../deadlines/deadline-labels';
import { useSetRuleOverride } from './useJurisdictions';

type Rule = JurisdictionSummary['rules'][number];

const UNIT_OPTIONS = (Object.keys(OFFSET_UNIT_LABELS) as OffsetUnit[]).map((value) => ({ value, label: OFFSET_UNIT_LABELS[value] }));
const WEEKEND_OPTIONS: { value: WeekendPolicy; label: string }[] = [
  { value: 'flag', label: 'Keep the date, flag it' },
  { value: 'next_business_day', label: 'Move to the next business day' },
];

type OverrideValues = {
  amount: number | string;
  unit: OffsetUnit;
  excludesBreaks: number | string;
  weekendPolicy: WeekendPolicy;
  citation: string;
  note: string;
  isVerified: boolean;
  isDisabled: boolean;
};

interface RuleOverrideModalProps {
  jurisdiction: { code: string; name: string };
  rule: Rule;
  onClose: () => void;
}

/**
 * The advocate's own version of one rule for one state. It replaces any preset change to the
 * rule as a whole, so the form starts from the rule as it applies now and saves every field.
 */
export function RuleOverrideModal({ jurisdiction, rule, onClose }: RuleOverrideModalProps) {
  const setOverride = useSetRuleOverride();
  const initialValues: OverrideValues = {
    amount: rule.offset.amount,
    unit: rule.offset.unit,
    excludesBreaks: rule.offset.excludesBreaksLongerThanSchoolDays ?? '',
    weekendPolicy: rule.weekendPolicy,
    citation: rule.citation,
    note: rule.note ?? '',
    isVerified: rule.isVerified,
    isDisabled: false,
  };
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues,
    schema: contract['jurisdictions.setOverride'].input,
    toInput: (values) => ({
      code: jurisdiction.code,
      ruleId: rule.id,
      override: {
        offset: {
          amount: values.amount === '' ? undefined : Number(values.amount),
          unit: values.unit,
          ...(values.unit === 'calendar_days' && values.excludesBreaks !== '' ? { excludesBreaksLongerThanSchoolDays: Number(values.excludesBreaks) } : {}),
        },
        weekendPolicy: values.weekendPolicy,
        ...(values.citation.trim() ? { citation: values.citation.trim() } : {}),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
        isVerified: values.isVerified,
        ...(values.isDisabled ? { isDisabled: true } : {}),
      },
    }),
    save: (input) => setOverride.mutateAsync(input),
    successMessage: () => `${rule.name} changed for ${jurisdiction.name}`,
    onSaved: onClose,
  });
  // Errors come back keyed by the input path ('override.offset.amount'); show them on the fields.
  const errorAt = (path: string) => form.errors[`override.${path}`] ?? form.errors[path];

  return (
    <Modal opened onClose={onClose} title={`${rule.name} · ${jurisdiction.name}`} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {rule.description}
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            <NumberInput label="Amount" withAsterisk min={0} allowDecimal={false} data-autofocus {...field('amount')} error={errorAt('offset.amount')} />
            <Select label="Unit" data={UNIT_OPTIONS} allowDeselect={false} {...field('unit')} error={errorAt('offset.unit')} />
            <NumberInput
              label="Skip breaks longer than"
              description="school days (calendar-day rules)"
              min={1}
              allowDecimal={false}
              disabled={form.values.unit !== 'calendar_days'}
              {...field('excludesBreaks')}
              error={errorAt('offset.excludesBreaksLongerThanSchoolDays')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="When it falls on a weekend"
              data={WEEKEND_OPTIONS}
              allowDeselect={false}
              {...field('weekendPolicy')}
              error={errorAt('weekendPolicy')}
            />
            <TextInput label="Citation" placeholder="e.g. Cal. Educ. Code 56043" {...field('citation')} error={errorAt('citation')} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} maxRows={6} {...field('note')} error={errorAt('note')} />
          <Checkbox label="I checked this rule against current state law" {...field('isVerified', { type: 'checkbox' })} />
          <Checkbox label="This state does not use this rule" {...field('isDisabled', { type: 'checkbox' })} />
          <FormErrors message={formError} />
          <FormActions submitLabel="Save rule" isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
