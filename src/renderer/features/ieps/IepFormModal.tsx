import { Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { iepFields, type IepRecord } from '@shared/domain/ieps';
import { kindLabels } from '@shared/deadlines/facts';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate } from '../../lib/dates';
import { useCaseAgreements } from '../agreements/useAgreements';
import { useCaseDocuments } from '../documents/useDocuments';
import { useCreateIep, useIepCandidates, useUpdateIep } from './useIeps';

/**
 * Records an IEP on its IEP meeting fact (new), or edits its dates, accommodations and the
 * agreement holding its services. The meeting's date and kind are the fact's, edited on the timeline.
 */
export function IepFormModal({ caseId, iep, onClose }: { caseId: number; iep: IepRecord | null; onClose: () => void }) {
  const candidates = useIepCandidates(caseId);
  const agreements = useCaseAgreements(caseId);
  const documents = useCaseDocuments(caseId);
  const create = useCreateIep();
  const update = useUpdateIep();
  const [meetingError, setMeetingError] = useState<string | null>(null);
  const [eventId, setEventId] = useState<string | null>(null);
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      startOn: iep?.startOn ?? '',
      endOn: iep?.endOn ?? '',
      accommodations: iep?.accommodations ?? '',
      agreementId: iep?.agreementId ? String(iep.agreementId) : '',
      documentId: iep?.documentId ? String(iep.documentId) : '',
      notes: iep?.notes ?? '',
    },
    schema: iepFields,
    toInput: ({ agreementId, documentId, ...values }) => ({
      ...values,
      agreementId: agreementId ? Number(agreementId) : null,
      documentId: documentId ? Number(documentId) : null,
    }),
    save: async (fields) => {
      if (iep) return update.mutateAsync({ id: iep.id, fields });
      setMeetingError(eventId ? null : 'Choose the IEP meeting this IEP came out of');
      if (!eventId) throw new Error('Choose the IEP meeting this IEP came out of.');
      return create.mutateAsync({ eventId: Number(eventId), fields });
    },
    successMessage: () => (iep ? 'IEP saved' : 'IEP recorded'),
    onSaved: onClose,
  });
  const meetingOptions = (candidates.data ?? []).map((candidate) => ({
    value: String(candidate.eventId),
    label: `${formatDate(candidate.occurredOn)} · ${candidate.kind ? (kindLabels[candidate.kind] ?? candidate.kind) : 'kind not recorded'} · ${candidate.title}`,
  }));
  const serviceOptions = (agreements.data ?? [])
    .filter((agreement) => agreement.type === 'iep_services')
    .map((agreement) => ({ value: String(agreement.id), label: `${agreement.title} (${agreement.termCount} terms)` }));
  return (
    <Modal opened onClose={onClose} title={iep ? 'Edit IEP' : 'Record an IEP'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {!iep && (
            <Select
              label="IEP meeting"
              description="The IEP is the same record as its meeting on the timeline: the annual review counts from it."
              withAsterisk
              data-autofocus
              placeholder={meetingOptions.length === 0 ? 'No IEP meeting on the timeline yet' : 'Choose the meeting'}
              data={meetingOptions}
              value={eventId}
              onChange={setEventId}
              error={meetingError}
            />
          )}
          {!iep && meetingOptions.length === 0 && candidates.data && (
            <Text size="sm" c="dimmed">
              Add the IEP meeting to the timeline (or plan it on the Meetings tab) first, with its kind: initial, annual or reevaluation.
            </Text>
          )}
          <DateField label="In effect from" {...field('startOn')} />
          <DateField label="Ends on" description="Goal trends are projected to this date (else one year after the meeting)" {...field('endOn')} />
          <Textarea label="Accommodations" description="One per line" autosize minRows={3} maxRows={10} {...field('accommodations')} />
          <Select
            label="Services"
            description="The IEP’s services are the terms of an “IEP services” agreement on the Agreements tab"
            placeholder={serviceOptions.length === 0 ? 'No IEP services agreement yet' : 'Choose the agreement'}
            clearable
            data={serviceOptions}
            {...field('agreementId')}
          />
          <Select
            label="IEP document"
            description="The signed IEP, imported on the Documents tab"
            placeholder="None chosen"
            clearable
            searchable
            data={(documents.data ?? []).map((document) => ({ value: String(document.id), label: document.title }))}
            {...field('documentId')}
          />
          <Textarea label="Notes" autosize minRows={2} maxRows={6} {...field('notes')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={iep ? 'Save IEP' : 'Record IEP'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
