import { Button, Group, NumberInput, Paper, Text, Title } from '@mantine/core';
import { contract } from '@shared/api/contract';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { useIeeSettings, useSetIeeSettings } from './useIee';

function ThresholdForm({ current }: { current: number }) {
  const save = useSetIeeSettings();
  const { field, onSubmit, formError, isSaving, form } = useValidatedForm({
    initialValues: { defaultSilenceThresholdBusinessDays: current as number | string },
    schema: contract['iee.setSettings'].input,
    toInput: (values) => ({
      defaultSilenceThresholdBusinessDays: values.defaultSilenceThresholdBusinessDays === '' ? undefined : Number(values.defaultSilenceThresholdBusinessDays),
    }),
    save: (input) => save.mutateAsync(input),
    successMessage: (saved) => `New IEE requests are flagged after ${saved.defaultSilenceThresholdBusinessDays} business days of silence`,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Group align="flex-start" gap="sm">
        <NumberInput
          label="Flag a request after"
          description="business days without an answer"
          min={1}
          max={120}
          allowDecimal={false}
          w={220}
          {...field('defaultSilenceThresholdBusinessDays')}
        />
        <Button type="submit" mt={44} loading={isSaving} disabled={!form.isDirty()}>
          Save threshold
        </Button>
      </Group>
      <FormErrors message={formError} />
    </form>
  );
}

/**
 * 34 CFR 300.502(b)(2) says only "without unnecessary delay"; the advocate picks the number of
 * business days after which a pending request is flagged as district silence.
 */
export function IeeThresholdCard() {
  const { data } = useIeeSettings();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={3} size="h5">
        IEE silence threshold
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={720}>
        The law gives the district no fixed number of days to answer an IEE request, only “without unnecessary delay” (34 CFR 300.502(b)(2)). Choose when a
        request counts as unanswered; it applies to new requests, and each request can have its own.
      </Text>
      {data && <ThresholdForm key={data.defaultSilenceThresholdBusinessDays} current={data.defaultSilenceThresholdBusinessDays} />}
    </Paper>
  );
}
