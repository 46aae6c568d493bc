import { Button, Group } from '@mantine/core';

interface FormActionsProps {
  submitLabel: string;
  isSaving: boolean;
  onCancel: () => void;
}

/** Cancel and the submit button; Enter in any field submits, Escape closes the modal. */
export function FormActions({ submitLabel, isSaving, onCancel }: FormActionsProps) {
  return (
    <Group justify="flex-end" gap="sm" mt="xs">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={isSaving} disabled={isSaving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
