import type { z } from 'zod';
import { zodFieldErrors, type FieldErrors } from './form-errors';

export type Validation<T> = { isValid: true; data: T } | { isValid: false; errors: FieldErrors };

/** Runs the same zod schema main will run, so most mistakes are caught before a round trip. */
export function validateWith<S extends z.ZodType>(schema: S, values: unknown, prefix = ''): Validation<z.output<S>> {
  const result = schema.safeParse(values);
  return result.success ? { isValid: true, data: result.data } : { isValid: false, errors: zodFieldErrors(result.error, prefix) };
}
