import { useForm } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { errorMessage, serverFieldErrors } from '../lib/form-errors';
import { notifySaved } from '../lib/notify';
import { validateWith } from '../lib/validate';

interface ValidatedFormOptions<V extends Record<string, unknown>, S extends z.ZodType, R> {
  initialValues: V;
  /** The shared zod schema main will apply to the same fields. */
  schema: S;
  /** Form values → schema input (e.g. Select ids from strings to numbers). */
  toInput?: (values: V) => unknown;
  save: (data: z.output<S>) => Promise<R>;
  /** The confirmation shown once saved; none for a quick-add row, whose new line is the confirmation. */
  successMessage?: (result: R) => string;
  onSaved?: (result: R) => void;
}

/**
 * The one submit path for entity forms: validate with the shared schema, show its errors on the
 * fields, save, put main's field errors on the same fields, report the rest above the buttons.
 */
export function useValidatedForm<V extends Record<string, unknown>, S extends z.ZodType, R>(options: ValidatedFormOptions<V, S, R>) {
  const form = useForm<V>({ initialValues: options.initialValues });
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submitValues(values: V) {
    setFormError(null);
    const validation = validateWith(options.schema, options.toInput ? options.toInput(values) : values);
    if (!validation.isValid) {
      form.setErrors(validation.errors);
      return;
    }
    form.clearErrors();
    setIsSaving(true);
    try {
      const result = await options.save(validation.data);
      if (options.successMessage) notifySaved(options.successMessage(result));
      options.onSaved?.(result);
    } catch (error) {
      const fields = serverFieldErrors(error);
      form.setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? 'Please correct the highlighted fields.' : errorMessage(error));
    } finally {
      setIsSaving(false);
    }
  }

  const onSubmit = (event?: FormEvent<HTMLFormElement>) => form.onSubmit(submitValues)(event);
  /** Binds a field: `field('name')` for inputs, `field('isPrimary', { type: 'checkbox' })`. */
  const field = (name: string, inputOptions?: Parameters<typeof form.getInputProps>[1]) => form.getInputProps(name, inputOptions);
  return { form, field, onSubmit, formError, isSaving };
}
