import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { districtFields, type District } from '@shared/domain/entities';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { STATE_OPTIONS } from '../../lib/labels';
import { useCreateDistrict, useUpdateDistrict } from '../contacts/useContacts';

function DistrictForm({ district, onClose }: { district: District | null; onClose: () => void }) {
  const create = useCreateDistrict();
  const update = useUpdateDistrict();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { name: district?.name ?? '', state: district?.state ?? null },
    schema: districtFields,
    save: (fields) => (district ? update.mutateAsync({ id: district.id, fields }) : create.mutateAsync(fields)),
    successMessage: (saved) => `${saved.name} ${district ? 'saved' : 'added'}`,
    onSaved: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label="District name" withAsterisk data-autofocus {...field('name')} />
        <Select label="State" placeholder="Choose a state" data={STATE_OPTIONS} searchable clearable {...field('state')} />
        <FormErrors message={formError} />
        <FormActions submitLabel={district ? 'Save district' : 'Add district'} isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function DistrictModal({ district, opened, onClose }: { district: District | null; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={district ? 'Edit district' : 'New district'} size="md">
      <DistrictForm district={district} onClose={onClose} />
    </Modal>
  );
}
