import type { z } from 'zod';
import { ApiCallError } from '../api/client';

/** Field path → message, the shape @mantine/form's setErrors takes. */
export type FieldErrors = Record<string, string>;

/** Client-side errors from the same zod schema main uses, keyed like the form's values. */
export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = prefix + (issue.path.map(String).join('.') || '_');
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Main reports field errors by the path in the method's input ('fields.name' for updates, 'name'
 * for creates). Forms hold the fields themselves, so the wrapper part is stripped and the
 * form's own section (e.g. 'student.') put in front.
 */
export function serverFieldErrors(error: unknown, prefix = ''): FieldErrors {
  if (!(error instanceof ApiCallError)) return {};
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(error.fields)) {
    fields[prefix + path.replace(/^fields\./, '')] = message;
  }
  return fields;
}

/** The sentence to show for a failed call, written by main for the advocate. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return `The app could not reach its data: ${error.message}`;
  return 'Something went wrong. Please try again.';
}
