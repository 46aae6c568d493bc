import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';

interface DateFieldProps {
  label: string;
  /** Spread from @mantine/form's getInputProps: value, onChange, error. */
  value?: unknown;
  onChange?: (value: unknown) => void;
  error?: ReactNode;
  isRequired?: boolean;
  description?: string;
  autoFocus?: boolean;
}

function CalendarIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}

/**
 * A calendar date typed as YYYY-MM-DD, or picked from the calendar button. Typing never opens
 * a popup (fast keyboard entry of many events); the value is the ISO string exactly as typed,
 * which the shared zod schemas then check ('Enter a real date as YYYY-MM-DD').
 */
export function DateField({ label, value, onChange, error, isRequired, description, autoFocus }: DateFieldProps) {
  const [isPickerOpen, setIsPickerOpen] = useState(false);
  const text = typeof value === 'string' ? value : '';
  const isValid = /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text, 'YYYY-MM-DD').isValid();

  return (
    <TextInput
      label={label}
      description={description}
      placeholder="YYYY-MM-DD"
      value={text}
      onChange={(event) => onChange?.(event.currentTarget.value)}
      error={error}
      withAsterisk={isRequired}
      data-autofocus={autoFocus ? true : undefined}
      autoComplete="off"
      inputMode="numeric"
      maxLength={10}
      rightSection={
        <Popover opened={isPickerOpen} onChange={setIsPickerOpen} position="bottom-end" shadow="md" trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Pick ${label.toLowerCase()} from a calendar`}
              onClick={() => setIsPickerOpen((open) => !open)}
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={isValid ? text : null}
              defaultDate={isValid ? text : undefined}
              onChange={(picked) => {
                onChange?.(picked ?? '');
                setIsPickerOpen(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}
