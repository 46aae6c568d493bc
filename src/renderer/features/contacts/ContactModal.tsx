import { Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { contactFields, type Contact } from '@shared/domain/entities';
import type { ContactRole } from '@shared/domain/vocabulary';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { ROLE_OPTIONS } from '../../lib/labels';
import { useCreateContact, useDistrictOptions, useUpdateContact } from './useContacts';

type ContactValues = {
  name: string;
  role: ContactRole;
  organization: string;
  districtId: string | null;
  email: string;
  phone: string;
  notes: string;
};

interface ContactFormProps {
  contact: Contact | null;
  defaultDistrictId?: number | null;
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}

function ContactForm({ contact, defaultDistrictId, onClose, onSaved }: ContactFormProps) {
  const create = useCreateContact();
  const update = useUpdateContact();
  const districtOptions = useDistrictOptions();
  const districtId = contact ? contact.districtId : (defaultDistrictId ?? null);
  const initialValues: ContactValues = {
    name: contact?.name ?? '',
    role: contact?.role ?? 'case_manager',
    organization: contact?.organization ?? '',
    districtId: districtId ? String(districtId) : null,
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    notes: contact?.notes ?? '',
  };
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues,
    schema: contactFields,
    toInput: (values) => ({ ...values, districtId: values.districtId ? Number(values.districtId) : null }),
    save: (fields) => (contact ? update.mutateAsync({ id: contact.id, fields }) : create.mutateAsync(fields)),
    successMessage: (saved) => `${saved.name} ${contact ? 'saved' : 'added'}`,
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="Name" withAsterisk data-autofocus {...field('name')} />
          <Select label="Role" data={ROLE_OPTIONS} searchable allowDeselect={false} {...field('role')} />
          <TextInput label="Organization or school" {...field('organization')} />
          <Select label="District" placeholder="Choose a district" data={districtOptions} searchable clearable {...field('districtId')} />
          <TextInput label="Email" type="email" {...field('email')} />
          <TextInput label="Phone" {...field('phone')} />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...field('notes')} />
        <FormErrors message={formError} />
        <FormActions submitLabel={contact ? 'Save contact' : 'Add contact'} isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function ContactModal({ opened, ...props }: ContactFormProps & { opened: boolean }) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={props.contact ? 'Edit contact' : 'New contact'} size="lg">
      <ContactForm {...props} />
    </Modal>
  );
}
