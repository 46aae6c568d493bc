import { Modal, Stack } from '@mantine/core';
import { familyFields, guardianFields, studentFields, type Family, type Guardian, type Student } from '@shared/domain/entities';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { FamilyFields } from './FamilyFields';
import { familyValues, guardianValues, studentInput, studentValues } from './form-values';
import { GuardianFields } from './GuardianFields';
import { StudentFields } from './StudentFields';
import { useCreateGuardian, useCreateStudent, useUpdateFamily, useUpdateGuardian, useUpdateStudent } from './useFamilies';

interface ModalProps {
  opened: boolean;
  onClose: () => void;
}

// Each form lives inside its Modal, which unmounts it when closed: every opening starts fresh.

function FamilyForm({ family, onClose }: { family: Family; onClose: () => void }) {
  const update = useUpdateFamily();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: familyValues(family),
    schema: familyFields,
    save: (fields) => update.mutateAsync({ id: family.id, fields }),
    successMessage: () => 'Family details saved',
    onSaved: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FamilyFields field={field} />
        <FormErrors message={formError} />
        <FormActions submitLabel="Save family" isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function FamilyEditModal({ family, opened, onClose }: ModalProps & { family: Family }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit family" size="lg">
      <FamilyForm family={family} onClose={onClose} />
    </Modal>
  );
}

function GuardianForm({ familyId, guardian, onClose }: { familyId: number; guardian: Guardian | null; onClose: () => void }) {
  const create = useCreateGuardian();
  const update = useUpdateGuardian();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: guardianValues(guardian ?? undefined),
    schema: guardianFields,
    save: (fields) => (guardian ? update.mutateAsync({ id: guardian.id, fields }) : create.mutateAsync({ familyId, fields })),
    successMessage: (saved) => (guardian ? `${saved.name} saved` : `${saved.name} added`),
    onSaved: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <GuardianFields field={field} isAutoFocus />
        <FormErrors message={formError} />
        <FormActions submitLabel={guardian ? 'Save guardian' : 'Add guardian'} isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function GuardianModal({ familyId, guardian, opened, onClose }: ModalProps & { familyId: number; guardian: Guardian | null }) {
  return (
    <Modal opened={opened} onClose={onClose} title={guardian ? 'Edit guardian' : 'Add guardian'} size="lg">
      <GuardianForm familyId={familyId} guardian={guardian} onClose={onClose} />
    </Modal>
  );
}

function StudentForm({ familyId, student, onClose }: { familyId: number; student: Student | null; onClose: () => void }) {
  const create = useCreateStudent();
  const update = useUpdateStudent();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: studentValues(student ?? undefined),
    schema: studentFields,
    toInput: studentInput,
    save: (fields) => (student ? update.mutateAsync({ id: student.id, fields }) : create.mutateAsync({ familyId, fields })),
    successMessage: (saved) => `${saved.firstName} ${saved.lastName} ${student ? 'saved' : 'added'}`,
    onSaved: onClose,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <StudentFields field={field} isAutoFocus />
        <FormErrors message={formError} />
        <FormActions submitLabel={student ? 'Save student' : 'Add student'} isSaving={isSaving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

export function StudentModal({ familyId, student, opened, onClose }: ModalProps & { familyId: number; student: Student | null }) {
  return (
    <Modal opened={opened} onClose={onClose} title={student ? 'Edit student' : 'Add student'} size="lg">
      <StudentForm familyId={familyId} student={student} onClose={onClose} />
    </Modal>
  );
}
