import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { agreementFields, type AgreementRecord } from '@shared/domain/agreements';
import { DOCUMENT_CATEGORY_LABELS } from '@shared/domain/documents';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate } from '../../lib/dates';
import { useCaseDocuments } from '../documents/useDocuments';
import { AGREEMENT_TYPE_OPTIONS } from './agreement-format';
import { useCreateAgreement, useUpdateAgreement } from './useAgreements';

interface AgreementFormModalProps {
  caseId: number;
  /** null records a new agreement. */
  agreement: AgreementRecord | null;
  onClose: () => void;
  onSaved?: (agreement: AgreementRecord) => void;
}

/** The agreement itself: what kind, when signed, between whom, and the signed copy in the case's documents. */
export function AgreementFormModal({ caseId, agreement, onClose, onSaved }: AgreementFormModalProps) {
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const { data: documents } = useCaseDocuments(caseId);
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      type: agreement?.type ?? 'mediation_agreement',
      title: agreement?.title ?? '',
      signedOn: agreement?.signedOn ?? '',
      parties: agreement?.parties ?? '',
      sourceDocumentId: agreement?.sourceDocumentId ? String(agreement.sourceDocumentId) : null,
      notes: agreement?.notes ?? '',
      owedConvention: agreement?.owedConvention ?? 'scheduled_sessions',
    },
    schema: agreementFields,
    toInput: (values) => ({ ...values, sourceDocumentId: values.sourceDocumentId ? Number(values.sourceDocumentId) : null }),
    save: (fields) => (agreement ? update.mutateAsync({ id: agreement.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: () => (agreement ? 'Agreement saved' : 'Agreement added'),
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  const documentOptions = (documents ?? [])
    .toSorted((left, right) => Number(right.category === 'agreement') - Number(left.category === 'agreement'))
    .map((document) => ({
      value: String(document.id),
      label: `${document.title} · ${DOCUMENT_CATEGORY_LABELS[document.category]}${document.documentDate ? ` · ${formatDate(document.documentDate)}` : ''}`,
    }));

  return (
    <Modal opened onClose={onClose} title={agreement ? 'Edit agreement' : 'New agreement'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput label="Title" withAsterisk placeholder="e.g. Mediation agreement of March 3" data-autofocus {...field('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label="Type" data={AGREEMENT_TYPE_OPTIONS} allowDeselect={false} {...field('type')} />
            <DateField label="Signed on" {...field('signedOn')} />
          </SimpleGrid>
          <Textarea
            label="Parties"
            placeholder="e.g. Parents; Cedar Falls School District (Director of Special Education)"
            autosize
            minRows={2}
            {...field('parties')}
          />
          <Select
            label="Source document"
            description={
              documentOptions.length === 0 ? 'Import the signed agreement in the Documents tab to link it here.' : 'The signed copy in this case’s documents'
            }
            data={documentOptions}
            clearable
            searchable
            nothingFoundMessage="No document matches"
            {...field('sourceDocumentId')}
          />
          <Select
            label="How services' required minutes are counted"
            description="As the agreement says: sessions as scheduled (the default), or pro rata by school days"
            data={[
              { value: 'scheduled_sessions', label: 'Sessions as scheduled on school days' },
              { value: 'pro_rata_school_days', label: 'Pro rata by school days' },
            ]}
            allowDeselect={false}
            {...field('owedConvention')}
          />
          <Textarea label="Notes" autosize minRows={2} {...field('notes')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={agreement ? 'Save agreement' : 'Add agreement'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
