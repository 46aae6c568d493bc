import { Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { ieeFields, IEE_RESPONSES, IEE_RESPONSE_LABELS, type IeeRequest, type IeeResponse } from '@shared/domain/iee-entities';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { meetingTypeLabel } from '../deadlines/meeting-labels';
import { useContactList } from '../contacts/useContacts';
import { useCaseMeetings, useCreateIee, useIeeSettings, useUpdateIee } from './useIee';

/** Common IEE areas; the advocate can type any other. */
const AREA_SUGGESTIONS = [
  'Psycho-educational',
  'Speech-language',
  'Occupational therapy',
  'Physical therapy',
  'Functional behavior assessment',
  'Assistive technology',
  'Neuropsychological',
  'Auditory processing',
  'Vision',
];

const RESPONSE_OPTIONS = IEE_RESPONSES.map((value) => ({ value, label: IEE_RESPONSE_LABELS[value] }));

type IeeValues = {
  disputedEvaluation: string;
  disputedEvaluationOn: string;
  areas: string[];
  requestedOn: string;
  districtResponse: IeeResponse;
  respondedOn: string;
  evaluatorContactId: string | null;
  evaluatorName: string;
  costCriteria: string;
  reportReceivedOn: string;
  consideredAtMeetingId: string | null;
  silenceThresholdBusinessDays: number | string;
  notes: string;
};

function ieeValues(request: IeeRequest | null): IeeValues {
  return {
    disputedEvaluation: request?.disputedEvaluation ?? '',
    disputedEvaluationOn: request?.disputedEvaluationOn ?? '',
    areas: request?.areas ?? [],
    requestedOn: request?.requestedOn ?? todayIso(),
    districtResponse: request?.districtResponse ?? 'none_yet',
    respondedOn: request?.respondedOn ?? '',
    evaluatorContactId: request?.evaluatorContactId ? String(request.evaluatorContactId) : null,
    evaluatorName: request?.evaluatorName ?? '',
    costCriteria: request?.costCriteria ?? '',
    reportReceivedOn: request?.reportReceivedOn ?? '',
    consideredAtMeetingId: request?.consideredAtMeetingId ? String(request.consideredAtMeetingId) : null,
    silenceThresholdBusinessDays: request?.silenceThresholdBusinessDays ?? '',
    notes: request?.notes ?? '',
  };
}

interface IeeModalProps {
  caseId: number;
  /** null records a new request. */
  request: IeeRequest | null;
  onClose: () => void;
}

/** Every field of 34 CFR 300.502 tracking: what is disputed, when asked, how the district answered, and what came of it. */
export function IeeModal({ caseId, request, onClose }: IeeModalProps) {
  const create = useCreateIee();
  const update = useUpdateIee();
  const { data: settings } = useIeeSettings();
  const { data: contacts } = useContactList();
  const { data: meetings } = useCaseMeetings(caseId);
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: ieeValues(request),
    schema: ieeFields,
    toInput: (values) => ({
      ...values,
      evaluatorContactId: values.evaluatorContactId ? Number(values.evaluatorContactId) : null,
      consideredAtMeetingId: values.consideredAtMeetingId ? Number(values.consideredAtMeetingId) : null,
      silenceThresholdBusinessDays: values.silenceThresholdBusinessDays === '' ? undefined : Number(values.silenceThresholdBusinessDays),
    }),
    save: (fields) => (request ? update.mutateAsync({ id: request.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: () => (request ? 'IEE request saved' : 'IEE request recorded'),
    onSaved: onClose,
  });
  const evaluatorOptions = (contacts ?? [])
    .toSorted((left, right) => Number(right.role === 'evaluator') - Number(left.role === 'evaluator'))
    .map((contact) => ({ value: String(contact.id), label: contact.organization ? `${contact.name} (${contact.organization})` : contact.name }));
  const meetingOptions = (meetings ?? []).map((meeting) => ({
    value: String(meeting.id),
    label: `${meetingTypeLabel(meeting.type)} · ${formatDate(meeting.date)}`,
  }));
  const isAnswered = form.values.districtResponse !== 'none_yet';

  return (
    <Modal opened onClose={onClose} title={request ? 'Edit IEE request' : 'Record an IEE request'} size="xl">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Disputed evaluation"
              withAsterisk
              placeholder="e.g. District psycho-educational evaluation"
              data-autofocus
              style={{ gridColumn: 'span 2' }}
              {...field('disputedEvaluation')}
            />
            <DateField label="Evaluation dated" {...field('disputedEvaluationOn')} />
          </SimpleGrid>
          <TagsInput label="Areas" description="Press Enter after each area" data={AREA_SUGGESTIONS} clearable {...field('areas')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField label="Requested on" isRequired {...field('requestedOn')} />
            <Select label="District response" data={RESPONSE_OPTIONS} allowDeselect={false} {...field('districtResponse')} />
            <DateField label="Responded on" isRequired={isAnswered} {...field('respondedOn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Evaluator (contact)"
              placeholder="Choose from your contacts"
              data={evaluatorOptions}
              searchable
              clearable
              nothingFoundMessage="No contact matches"
              {...field('evaluatorContactId')}
            />
            <TextInput label="Evaluator (name)" placeholder="If not in your contacts" {...field('evaluatorName')} />
          </SimpleGrid>
          <Textarea
            label="District’s cost criteria"
            placeholder="e.g. Max $4,500; evaluator licensed in the state; within 50 miles"
            autosize
            minRows={2}
            maxRows={5}
            {...field('costCriteria')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <DateField label="Report received on" {...field('reportReceivedOn')} />
            <Select
              label="Considered at meeting"
              placeholder={meetingOptions.length ? 'Choose a meeting' : 'No meetings on this case'}
              data={meetingOptions}
              clearable
              {...field('consideredAtMeetingId')}
            />
            <NumberInput
              label="Flag after (business days)"
              placeholder={`Your default: ${settings?.defaultSilenceThresholdBusinessDays ?? 10}`}
              min={1}
              max={120}
              allowDecimal={false}
              {...field('silenceThresholdBusinessDays')}
            />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={2} maxRows={8} {...field('notes')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={request ? 'Save request' : 'Record request'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
