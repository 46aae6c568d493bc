import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { eventFields, type Contact, type TimelineEvent } from '@shared/domain/entities';
import type { EventType } from '@shared/domain/vocabulary';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { todayIso } from '../../lib/dates';
import { EVENT_TYPE_GROUPS } from '../../lib/labels';
import { useCreateEvent, useUpdateEvent } from './useEvents';
import { FactFields } from './FactFields';
import { attributesOf, factValuesOf, type FactValues } from './fact-values';

type EventValues = FactValues & {
  occurredOn: string;
  type: EventType;
  title: string;
  details: string;
  people: string;
  contactId: string | null;
};

interface EventFormProps {
  caseId: number;
  event: TimelineEvent | null;
  contacts: Contact[];
  onClose: () => void;
}

function EventForm({ caseId, event, contacts, onClose }: EventFormProps) {
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const initialValues: EventValues = {
    ...factValuesOf(event?.kind, event?.attributes),
    occurredOn: event?.occurredOn ?? todayIso(),
    type: event?.type ?? 'email',
    title: event?.title ?? '',
    details: event?.details ?? '',
    people: event?.people ?? '',
    contactId: event?.contactId ? String(event.contactId) : null,
  };
  const { form, field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues,
    schema: eventFields,
    toInput: (values) => ({
      occurredOn: values.occurredOn,
      type: values.type,
      kind: values.kind,
      attributes: attributesOf(values.type, values),
      title: values.title,
      details: values.details,
      people: values.people,
      contactId: values.contactId ? Number(values.contactId) : null,
    }),
    save: (fields) => (event ? update.mutateAsync({ id: event.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: (saved) => (event ? 'Event saved' : `Event “${saved.title}” added`),
    onSaved: onClose,
  });
  const contactOptions = contacts.map((contact) => ({ value: String(contact.id), label: contact.name }));

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <DateField label="Date" isRequired autoFocus {...field('occurredOn')} />
          <Select
            label="Type"
            data={EVENT_TYPE_GROUPS}
            searchable
            allowDeselect={false}
            maxDropdownHeight={320}
            disabled={event?.meetingId !== undefined && event?.meetingId !== null}
            description={event?.meetingId ? 'A meeting: its type is changed on the meeting page' : undefined}
            {...field('type')}
            onChange={(value) => {
              form.setFieldValue('type', value as EventType);
              // A kind belongs to one type: choosing another type asks for its own kind.
              form.setFieldValue('kind', null);
            }}
          />
        </SimpleGrid>
        <FactFields type={form.values.type} field={field as never} />
        <TextInput label="Title" withAsterisk placeholder="e.g. Emailed case manager asking for evaluation" {...field('title')} />
        <Textarea label="Details" autosize minRows={3} maxRows={12} {...field('details')} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="People" placeholder="Who was involved" {...field('people')} />
          <Select
            label="Contact"
            placeholder={contactOptions.length ? 'Choose a contact on this case' : 'No contacts on this case'}
            data={contactOptions}
            searchable
            clearable
            {...field('contactId')}
          />
        </SimpleGrid>
        <FormErrors message={formError} />
        <FormActions submitLabel={event ? 'Save event' : 'Add event'} isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function EventModal({ opened, ...props }: EventFormProps & { opened: boolean }) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.event ? 'Edit event' : 'Add event'} size="lg">
      <EventForm {...props} />
    </Modal>
  );
}
