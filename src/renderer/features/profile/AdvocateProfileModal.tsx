import { Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { advocateProfileFields, type AdvocateProfile } from '@shared/domain/documents';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useValidatedForm } from '../../components/use-validated-form';
import { useAdvocateProfile, useSetAdvocateProfile } from './useAdvocateProfile';

interface AdvocateProfileModalProps {
  onClose: () => void;
  onSaved?: (profile: AdvocateProfile) => void;
}

function ProfileForm({ profile, onClose, onSaved }: AdvocateProfileModalProps & { profile: AdvocateProfile }) {
  const save = useSetAdvocateProfile();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      name: profile.name ?? '',
      organization: profile.organization ?? '',
      email: profile.email ?? '',
      phone: profile.phone ?? '',
      address: profile.address ?? '',
    },
    schema: advocateProfileFields,
    save: (fields) => save.mutateAsync(fields),
    successMessage: () => 'Your details are saved',
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Your details used on letters and binder covers. They are stored in this vault only.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Your name" data-autofocus {...field('name')} />
          <TextInput label="Organization" {...field('organization')} />
          <TextInput label="Email" type="email" {...field('email')} />
          <TextInput label="Phone" {...field('phone')} />
        </SimpleGrid>
        <Textarea label="Address" description="One line per row, as on an envelope" autosize minRows={3} {...field('address')} />
        <FormErrors message={formError} />
        <FormActions submitLabel="Save my details" isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/** The advocate's name and contact details: the letterhead's sender and the binder cover's 'prepared by'. */
export function AdvocateProfileModal({ onClose, onSaved }: AdvocateProfileModalProps) {
  const { data, isLoading, error, refetch } = useAdvocateProfile();
  return (
    <Modal opened onClose={onClose} title="Your details" size="lg">
      {data ? (
        <ProfileForm profile={data} onClose={onClose} onSaved={onSaved} />
      ) : (
        <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      )}
    </Modal>
  );
}
