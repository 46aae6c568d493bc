import { z } from 'zod';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/**
 * A calendar date as the advocate means it ('2026-09-14'): no time, no zone. The app's one ISO-date
 * schema: zod's own `z.iso.date()` (real calendar dates only: no 2027-02-29), after trimming.
 */
export const isoDate = z
  .string()
  .trim()
  .pipe(z.iso.date({ message: 'Enter a real date as YYYY-MM-DD' }));

export const recordId = z.number().int().positive();

/** Free text the user may leave blank; blank becomes null so the database never holds ''. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
}

export function requiredText(max: number, label: string) {
  return z.string().trim().min(1, `${label} is required`).max(max, `Keep this under ${max} characters`);
}

export const optionalDate = z
  .union([isoDate, z.literal('')])
  .nullish()
  .transform((value) => (value ? value : null));

export const optionalEmail = z
  .union([z.string().trim().email('Enter a valid email address'), z.literal('')])
  .nullish()
  .transform((value) => (value ? value : null));

export const timestamp = z.string();

/** Text typed into a search box: control characters (NUL included) become spaces; they are never searchable. */
export function searchText(max: number) {
  return z
    .string()
    .max(max)
    .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, ' '));
}

export const idInput = z.strictObject({ id: recordId });
export const emptyInput = z.object({}).strict().optional().default({});
