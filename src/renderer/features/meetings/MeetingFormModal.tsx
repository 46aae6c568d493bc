import { Modal, MultiSelect, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { Contact } from '@shared/domain/entities';
import { MEETING_TYPES, MEETING_TYPE_LABELS, meetingFields, type MeetingRecord, type MeetingType } from '@shared/domain/meetings';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { todayIso } from '../../lib/dates';
import { useCreateMeeting, useUpdateMeeting } from './useMeetings';
import { FactFields } from '../events/FactFields';
import { attributesOf, factValuesOf, type FactValues } from '../events/fact-values';

const TYPE_OPTIONS = MEETING_TYPES.map((value) => ({ value, label: MEETING_TYPE_LABELS[value] }));

type MeetingValues = FactValues & {
  type: MeetingType;
  date: string;
  time: string;
  endsAt: string;
  place: string;
  contactIds: string[];
  otherNames: string[];
  agenda: string;
};

function initialValues(meeting: MeetingRecord | null): MeetingValues {
  const [date = todayIso(), time = ''] = (meeting?.heldAt ?? '').split('T');
  return {
    ...factValuesOf(meeting?.kind, meeting?.fact),
    type: meeting?.type ?? 'iep_meeting',
    date: meeting ? date : todayIso(),
    time,
    endsAt: meeting?.endsAt ?? '',
    place: meeting?.place ?? '',
    contactIds: (meeting?.attendees ?? []).filter((person) => person.contactId !== undefined).map((person) => String(person.contactId)),
    otherNames: (meeting?.attendees ?? []).filter((person) => person.contactId === undefined).map((person) => person.name),
    agenda: meeting?.agenda ?? '',
  };
}

/** Form values → the contract's fields: one heldAt ('date' or 'dateTtime'), attendees from both pickers. */
function toInput(values: MeetingValues, meeting: MeetingRecord | null) {
  return {
    type: values.type,
    heldAt: values.time ? `${values.date}T${values.time}` : values.date,
    kind: values.type === 'iep_meeting' ? values.kind : null,
    fact: values.type === 'iep_meeting' ? attributesOf('iep_meeting', values) : null,
    place: values.place,
    endsAt: values.time ? values.endsAt : '',
    attendees: [...values.contactIds.map((id) => ({ contactId: Number(id), name: '' })), ...values.otherNames.map((name) => ({ name }))],
    agenda: values.agenda,
    // The meeting form does not show these; an edit keeps what the other tabs saved.
    notes: meeting?.notes ?? '',
    parentConcerns: meeting?.parentConcerns ?? '',
    followUpSentOn: meeting?.followUpSentOn ?? '',
  };
}

interface MeetingFormModalProps {
  caseId: number;
  contacts: Contact[];
  /** null plans a new meeting. */
  meeting: MeetingRecord | null;
  onClose: () => void;
  onSaved?: (meeting: MeetingRecord) => void;
}

/** Plan a meeting: type, when, where, who (from the case's contacts or by name), agenda. */
export function MeetingFormModal({ caseId, contacts, meeting, onClose, onSaved }: MeetingFormModalProps) {
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: initialValues(meeting),
    schema: meetingFields,
    toInput: (values) => toInput(values, meeting),
    save: (fields) => (meeting ? update.mutateAsync({ id: meeting.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: (saved) => (meeting ? 'Meeting saved' : `${MEETING_TYPE_LABELS[saved.type]} added`),
    onSaved: (saved) => {
      onClose();
      onSaved?.(saved);
    },
  });
  const contactOptions = contacts.map((contact) => ({
    value: String(contact.id),
    label: contact.organization ? `${contact.name} (${contact.organization})` : contact.name,
  }));
  // The schema reports the combined date and time as 'heldAt'; show it under the date.
  const dateError = form.errors.heldAt ?? form.errors.date;

  return (
    <Modal opened onClose={onClose} title={meeting ? 'Edit meeting' : 'New meeting'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={4} spacing="sm">
            <Select label="Type" data={TYPE_OPTIONS} allowDeselect={false} data-autofocus {...field('type')} />
            <DateField label="Date" isRequired {...field('date')} error={dateError} />
            <TimeInput label="Time" description="Optional" {...field('time')} />
            <TimeInput label="Ends at" description="Optional" disabled={!form.values.time} {...field('endsAt')} />
          </SimpleGrid>
          {form.values.type === 'iep_meeting' && <FactFields type="iep_meeting" field={field as never} />}
          <TextInput label="Place" placeholder="e.g. Lincoln Elementary, room 12, or video call" {...field('place')} />
          <MultiSelect
            label="Attendees from the contacts"
            placeholder={contactOptions.length ? 'Choose people linked to this case' : 'No contacts linked to this case'}
            data={contactOptions}
            searchable
            clearable
            {...field('contactIds')}
          />
          <TagsInput
            label="Other attendees"
            description="Type a name and press Enter"
            placeholder="e.g. Parent, school psychologist"
            {...field('otherNames')}
          />
          <Textarea label="Agenda" autosize minRows={3} maxRows={10} {...field('agenda')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={meeting ? 'Save meeting' : 'Add meeting'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
