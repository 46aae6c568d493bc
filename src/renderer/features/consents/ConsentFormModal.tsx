import { Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { CONSENT_DECISIONS, CONSENT_DECISION_LABELS, PROPOSAL_KINDS, PROPOSAL_KIND_LABELS } from '@shared/consents/consent-rules';
import { consentFields, type ConsentRecord } from '@shared/domain/consents';
import { MEETING_TYPE_LABELS } from '@shared/domain/meetings';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate } from '../../lib/dates';
import { useCreateConsent, useMeetingOptions, useUpdateConsent } from './useConsents';

export function ConsentFormModal({ caseId, consent, onClose }: { caseId: number; consent: ConsentRecord | null; onClose: () => void }) {
  const create = useCreateConsent();
  const update = useUpdateConsent();
  const meetings = useMeetingOptions(caseId);
  const { field, onSubmit, formError, isSaving, form } = useValidatedForm({
    initialValues: {
      proposalKind: consent?.proposalKind ?? 'iep',
      proposal: consent?.proposal ?? '',
      meetingId: consent?.meetingId ? String(consent.meetingId) : '',
      presentedOn: consent?.presentedOn ?? '',
      takenHomeOn: consent?.takenHomeOn ?? '',
      decision: consent?.decision ?? 'pending',
      decidedOn: consent?.decidedOn ?? '',
      consentedParts: consent?.consentedParts ?? '',
      withheldParts: consent?.withheldParts ?? '',
      disagreementAttachedOn: consent?.disagreementAttachedOn ?? '',
      notes: consent?.notes ?? '',
    },
    schema: consentFields,
    toInput: ({ meetingId, consentedParts, withheldParts, ...values }) => ({
      ...values,
      meetingId: meetingId ? Number(meetingId) : null,
      // Parts belong to a partial consent only: switching the answer away from partial drops them.
      consentedParts: values.decision === 'partial' ? consentedParts : null,
      withheldParts: values.decision === 'partial' ? withheldParts : null,
    }),
    save: (fields) => (consent ? update.mutateAsync({ id: consent.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: () => (consent ? 'Consent record saved' : 'Consent record added'),
    onSaved: onClose,
  });
  const meetingOptions = (meetings.data ?? []).map((meeting) => ({
    value: String(meeting.id),
    label: `${MEETING_TYPE_LABELS[meeting.type]} · ${formatDate(meeting.heldAt.slice(0, 10))}`,
  }));
  const isPartial = form.values.decision === 'partial';
  return (
    <Modal opened onClose={onClose} title={consent ? 'Edit consent record' : 'Record a proposal and its consent'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Select
            label="What the district proposed"
            data={PROPOSAL_KINDS.map((value) => ({ value, label: PROPOSAL_KIND_LABELS[value] }))}
            allowDeselect={false}
            data-autofocus
            {...field('proposalKind')}
          />
          <TextInput label="Proposal" withAsterisk placeholder="e.g. Annual IEP of October 14" {...field('proposal')} />
          <Group grow align="flex-start">
            <Select label="Presented at meeting" placeholder="Not at a meeting" clearable data={meetingOptions} {...field('meetingId')} />
            <DateField label="Presented on" isRequired {...field('presentedOn')} />
          </Group>
          <Group grow align="flex-start">
            <DateField label="Taken home on" description="The family took it home to review" {...field('takenHomeOn')} />
            <Select
              label="Answer"
              data={CONSENT_DECISIONS.map((value) => ({ value, label: CONSENT_DECISION_LABELS[value] }))}
              allowDeselect={false}
              {...field('decision')}
            />
          </Group>
          <DateField label="Answered on" {...field('decidedOn')} />
          {isPartial && (
            <>
              <Textarea label="Consented to" withAsterisk autosize minRows={2} {...field('consentedParts')} />
              <Textarea label="Not consented to" withAsterisk autosize minRows={2} {...field('withheldParts')} />
            </>
          )}
          <DateField label="Statement of disagreement attached on" {...field('disagreementAttachedOn')} />
          <Textarea label="Notes" autosize minRows={2} maxRows={6} {...field('notes')} />
          <Text size="xs" c="dimmed">
            Federal law requires consent for the initial evaluation, initial services and each reevaluation (34 CFR 300.300). A consent to evaluate, once given,
            is the date the evaluation timeline counts from.
          </Text>
          <FormErrors message={formError} />
          <FormActions submitLabel={consent ? 'Save' : 'Add'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
