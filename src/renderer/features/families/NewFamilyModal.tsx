import { Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { familyFields, guardianFields, studentFields } from '@shared/domain/entities';
import { FormErrors } from '../../components/FormErrors';
import { errorMessage, serverFieldErrors } from '../../lib/form-errors';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { validateWith } from '../../lib/validate';
import { FamilyFields } from './FamilyFields';
import { familyValues, guardianValues, hasAnyText, studentInput, studentValues } from './form-values';
import { GuardianFields } from './GuardianFields';
import { StudentFields } from './StudentFields';
import { useCreateFamily, useCreateGuardian, useCreateStudent } from './useFamilies';

/** One flow for a new family: the family, and if filled in, its first guardian and first student. */
export function NewFamilyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const createFamily = useCreateFamily();
  const createGuardian = useCreateGuardian();
  const createStudent = useCreateStudent();
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const form = useForm({
    initialValues: { family: familyValues(), guardian: { ...guardianValues(), isPrimary: true }, student: studentValues() },
  });

  function close() {
    form.reset();
    setFormError(null);
    onClose();
  }

  async function submit(values: typeof form.values) {
    setFormError(null);
    const { isPrimary: _isPrimary, ...guardianText } = values.guardian;
    const hasGuardian = hasAnyText(guardianText);
    const hasStudent = hasAnyText(values.student);
    const family = validateWith(familyFields, values.family, 'family.');
    const guardian = hasGuardian ? validateWith(guardianFields, values.guardian, 'guardian.') : null;
    const student = hasStudent ? validateWith(studentFields, studentInput(values.student), 'student.') : null;
    const errors = {
      ...(family.isValid ? {} : family.errors),
      ...(guardian && !guardian.isValid ? guardian.errors : {}),
      ...(student && !student.isValid ? student.errors : {}),
    };
    form.setErrors(errors);
    if (!family.isValid || (guardian && !guardian.isValid) || (student && !student.isValid)) return;

    setIsSaving(true);
    let familyId: number;
    try {
      familyId = (await createFamily.mutateAsync(family.data)).id;
    } catch (error) {
      form.setErrors(serverFieldErrors(error, 'family.'));
      setFormError(errorMessage(error));
      setIsSaving(false);
      return;
    }
    // The family exists now; a failure below is reported and the advocate finishes on its page.
    try {
      if (guardian?.isValid) await createGuardian.mutateAsync({ familyId, fields: guardian.data });
      if (student?.isValid) await createStudent.mutateAsync({ familyId, fields: student.data });
      notifySaved(`Family “${family.data.name}” added`);
    } catch (error) {
      notifyFailed(error, 'The family was added, but not everything in the form');
    }
    setIsSaving(false);
    close();
    void navigate(`/families/${familyId}`);
  }

  return (
    <Modal opened={opened} onClose={close} title="New family" size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <FamilyFields field={(name, options) => form.getInputProps(`family.${name}`, options)} hasNotes={false} />
          <Divider label="First guardian (optional)" labelPosition="left" mt="xs" />
          <GuardianFields field={(name, options) => form.getInputProps(`guardian.${name}`, options)} isPrefixed />
          <Divider label="First student (optional)" labelPosition="left" mt="xs" />
          <StudentFields field={(name, options) => form.getInputProps(`student.${name}`, options)} isFull={false} />
          <Text size="xs" c="dimmed">
            You can add more guardians and students, and open cases, on the family’s page.
          </Text>
          <FormErrors message={formError} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={isSaving}>
              Create family
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
