import { Button, Group, Select, TextInput } from '@mantine/core';
import { PROGRESS_SOURCES, PROGRESS_SOURCE_LABELS, progressFields } from '@shared/domain/ieps';
import { DISTRICT_RATINGS, DISTRICT_RATING_LABELS } from '@shared/progress/goal-trend';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { useCaseDocuments } from '../documents/useDocuments';
import { numberFrom, useAddProgress } from './useIeps';

const SOURCE_OPTIONS = PROGRESS_SOURCES.map((value) => ({ value, label: PROGRESS_SOURCE_LABELS[value] }));
const RATING_OPTIONS = DISTRICT_RATINGS.map((value) => ({ value, label: DISTRICT_RATING_LABELS[value] }));

/** One progress entry, typed in a row: date, value, where it came from, the district's rating. Enter saves. */
export function ProgressForm({ caseId, goalId, measure }: { caseId: number; goalId: number; measure: string }) {
  const add = useAddProgress();
  const documents = useCaseDocuments(caseId);
  const { field, onSubmit, formError, isSaving, form } = useValidatedForm({
    initialValues: { measuredOn: '', value: '', source: 'progress_report', districtRating: '', documentId: '', note: '' },
    schema: progressFields,
    toInput: (values) => ({
      ...values,
      value: numberFrom(values.value),
      districtRating: values.districtRating || null,
      documentId: values.documentId ? Number(values.documentId) : null,
    }),
    save: (fields) => add.mutateAsync({ goalId, fields }),
    successMessage: (entry) => `Progress entry of ${entry.measuredOn} added`,
    onSaved: () => form.setValues({ measuredOn: '', value: '', note: '' }),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a progress entry">
      <Group align="flex-start" gap="xs" wrap="wrap">
        <DateField label="Date" {...field('measuredOn')} />
        {/* As wide as its label (the measure can be long), so the label keeps one line and the inputs stay level. */}
        <TextInput label={`Value (${measure})`} inputMode="decimal" miw={150} labelProps={{ style: { whiteSpace: 'nowrap' } }} {...field('value')} />
        <Select label="Source" data={SOURCE_OPTIONS} allowDeselect={false} w={170} {...field('source')} />
        <Select label="District rating" placeholder="None" clearable data={RATING_OPTIONS} w={170} {...field('districtRating')} />
        <Select
          label="Source document"
          placeholder="None"
          clearable
          searchable
          w={200}
          data={(documents.data ?? []).map((document) => ({ value: String(document.id), label: document.title }))}
          {...field('documentId')}
        />
        <TextInput label="Note" w={180} {...field('note')} />
        <Button type="submit" mt={25} loading={isSaving} variant="light">
          Add entry
        </Button>
      </Group>
      <FormErrors message={formError} />
    </form>
  );
}
