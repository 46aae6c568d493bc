import { Button, Group, NativeSelect, NumberInput, Select, Table, TextInput } from '@mantine/core';
import { DELIVERY_STATUS_LABELS, DELIVERY_STATUSES, type DeliveryStatus } from '@shared/compliance/types';
import { deliveryFields, type DeliveryFields, type DeliveryRecord } from '@shared/domain/agreements';
import { useRef, useState, type FormEvent } from 'react';
import { serverFieldErrors, errorMessage, type FieldErrors } from '../../lib/form-errors';
import { todayIso } from '../../lib/dates';
import { validateWith } from '../../lib/validate';

interface EntryValues {
  deliveredOn: string;
  minutes: number | string;
  count: number | string;
  status: DeliveryStatus;
  provider: string;
  note: string;
  evidenceDocumentId: string | null;
  replacesDeliveryId: string;
}

function initialValues(delivery: DeliveryRecord | null, defaultProvider: string, defaultMinutes: number | null): EntryValues {
  return {
    deliveredOn: delivery?.deliveredOn ?? todayIso(),
    minutes: delivery ? (delivery.minutes ?? '') : (defaultMinutes ?? ''),
    count: delivery?.count ?? '',
    status: delivery?.status ?? 'delivered',
    provider: delivery?.provider ?? defaultProvider,
    note: delivery?.note ?? '',
    evidenceDocumentId: delivery?.evidenceDocumentId ? String(delivery.evidenceDocumentId) : null,
    replacesDeliveryId: delivery?.replacesDeliveryId ? String(delivery.replacesDeliveryId) : '',
  };
}

interface DeliveryEntryRowProps {
  /** null: the quick-entry row that logs a new session and stays open for the next one. */
  delivery: DeliveryRecord | null;
  defaultProvider: string;
  /** The term's session length, prefilled in the quick-entry row. */
  defaultMinutes: number | null;
  documentOptions: { value: string; label: string }[];
  /** Show the count field: the term counts people or items (x of n). */
  showCount?: boolean;
  /** Missed sessions a make-up can replace (a rescheduled session). */
  replacesOptions?: { value: string; label: string }[];
  columnCount: number;
  save: (fields: DeliveryFields) => Promise<unknown>;
  onCancel?: () => void;
}

/**
 * One log line as a form inside the table: Tab moves field to field and Enter saves, so a week of
 * sessions can be typed without the mouse. After a new entry the date field takes focus again.
 */
export function DeliveryEntryRow({
  delivery,
  defaultProvider,
  defaultMinutes,
  documentOptions,
  showCount = false,
  replacesOptions = [],
  columnCount,
  save,
  onCancel,
}: DeliveryEntryRowProps) {
  const [values, setValues] = useState(() => initialValues(delivery, defaultProvider, defaultMinutes));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const dateRef = useRef<HTMLInputElement>(null);
  const formId = delivery ? `delivery-edit-${delivery.id}` : 'delivery-quick-entry';
  const set = <K extends keyof EntryValues>(key: K, value: EntryValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const validation = validateWith(deliveryFields, {
      ...values,
      minutes: values.minutes === '' ? null : Number(values.minutes),
      count: values.count === '' ? null : Number(values.count),
      evidenceDocumentId: values.evidenceDocumentId ? Number(values.evidenceDocumentId) : null,
      replacesDeliveryId: values.status === 'makeup' && values.replacesDeliveryId ? Number(values.replacesDeliveryId) : null,
    });
    if (!validation.isValid) {
      setErrors(validation.errors);
      return;
    }
    setErrors({});
    setFormError(null);
    setIsSaving(true);
    try {
      await save(validation.data);
      if (delivery) return;
      // The next session is usually the same kind on a later date: keep status, provider and length.
      setValues((current) => ({ ...current, note: '', evidenceDocumentId: null, replacesDeliveryId: '' }));
      dateRef.current?.select();
    } catch (error) {
      const fields = serverFieldErrors(error);
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? null : errorMessage(error));
    } finally {
      setIsSaving(false);
    }
  }

  const label = (name: string) => (delivery ? `${name} (editing)` : name);
  // The compact whole-number cells of the row (minutes, count): typed, never stepped.
  const wholeNumber = (key: 'minutes' | 'count', cell: { label: string; placeholder: string; width: number; min: number; max: number; title?: string }) => (
    <NumberInput
      aria-label={label(cell.label)}
      title={cell.title}
      placeholder={cell.placeholder}
      w={cell.width}
      size="xs"
      min={cell.min}
      max={cell.max}
      allowDecimal={false}
      hideControls
      value={values[key]}
      onChange={(value) => set(key, value)}
      error={errors[key]}
    />
  );
  return (
    <Table.Tr bg={delivery ? 'blue.0' : 'gray.0'} data-testid={delivery ? 'delivery-edit-row' : 'delivery-quick-entry'}>
      <Table.Td colSpan={columnCount}>
        <form id={formId} onSubmit={(event) => void submit(event)} noValidate>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              ref={dateRef}
              aria-label={label('Session date')}
              placeholder="YYYY-MM-DD"
              w={118}
              size="xs"
              maxLength={10}
              value={values.deliveredOn}
              onChange={(event) => set('deliveredOn', event.currentTarget.value)}
              error={errors.deliveredOn}
              autoFocus={delivery !== null}
            />
            {wholeNumber('minutes', { label: 'Minutes', placeholder: 'min', width: 76, min: 0, max: 1440 })}
            {showCount &&
              wholeNumber('count', {
                label: 'How many',
                placeholder: 'count',
                width: 70,
                min: 1,
                max: 1000,
                title: 'People or items this line stands for (e.g. 2 teachers trained)',
              })}
            <NativeSelect
              aria-label={label('Status')}
              w={196}
              size="xs"
              data={DELIVERY_STATUSES.map((value) => ({ value, label: DELIVERY_STATUS_LABELS[value] }))}
              value={values.status}
              onChange={(event) => set('status', event.currentTarget.value as DeliveryStatus)}
              error={errors.status}
            />
            {values.status === 'makeup' && (
              <NativeSelect
                aria-label={label('Replaces missed session')}
                title="A rescheduled session replaces that miss; otherwise the make-up retires the oldest open miss"
                w={220}
                size="xs"
                data={[{ value: '', label: 'Oldest open miss first' }, ...replacesOptions]}
                value={values.replacesDeliveryId}
                onChange={(event) => set('replacesDeliveryId', event.currentTarget.value)}
                error={errors.replacesDeliveryId}
              />
            )}
            <TextInput
              aria-label={label('Provider')}
              placeholder="Provider"
              w={150}
              size="xs"
              value={values.provider}
              onChange={(event) => set('provider', event.currentTarget.value)}
              error={errors.provider}
            />
            <TextInput
              aria-label={label('Note')}
              placeholder="Note"
              size="xs"
              style={{ flex: 1 }}
              value={values.note}
              onChange={(event) => set('note', event.currentTarget.value)}
              error={errors.note ?? formError}
            />
            <Select
              aria-label={label('Evidence document')}
              placeholder="Evidence"
              w={150}
              size="xs"
              data={documentOptions}
              clearable
              searchable
              value={values.evidenceDocumentId}
              onChange={(value) => set('evidenceDocumentId', value)}
              comboboxProps={{ width: 320, position: 'bottom-end' }}
            />
            <Button type="submit" size="xs" loading={isSaving}>
              {delivery ? 'Save' : 'Log session'}
            </Button>
            {onCancel && (
              <Button size="xs" variant="default" onClick={onCancel}>
                Cancel
              </Button>
            )}
          </Group>
        </form>
      </Table.Td>
    </Table.Tr>
  );
}
