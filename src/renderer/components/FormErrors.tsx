import { Alert } from '@mantine/core';

/** The form-level error (anything main did not tie to one field). */
export function FormErrors({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert" title="Not saved">
      {message}
    </Alert>
  );
}
