import { Button, CloseButton, Group, Input, Paper, Text } from '@mantine/core';
import type { ImportKind } from '@shared/api/file-limits';
import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../lib/form-errors';
import { chooseInMain, hasMainChooser, pickedFromFile, type PickedFile } from '../lib/import-file';

interface ImportFileFieldProps {
  kind: ImportKind;
  label: string;
  /** File types the browser's own picker offers (main's dialog has its own list per kind). */
  accept: string;
  placeholder: string;
  value: PickedFile | null;
  onChange: (picked: PickedFile | null) => void;
  error?: ReactNode;
  withAsterisk?: boolean;
  'data-autofocus'?: boolean;
}

/**
 * One file to import: dropped here, or chosen with "Choose file…" (main's open dialog in the desktop
 * app, the page's own picker in the browser). Only a reference to the file leaves this field.
 */
export function ImportFileField({ kind, label, accept, placeholder, value, onChange, error, withAsterisk, ...rest }: ImportFileFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [isDragging, setIsDragging] = useState(false);
  const [chooseError, setChooseError] = useState<string | null>(null);

  async function choose() {
    setChooseError(null);
    if (!hasMainChooser()) return inputRef.current?.click();
    try {
      const picked = await chooseInMain(kind);
      if (picked) onChange(picked);
    } catch (failure) {
      setChooseError(errorMessage(failure));
    }
  }

  return (
    <Input.Wrapper label={label} withAsterisk={withAsterisk} error={error ?? chooseError}>
      <Paper
        withBorder
        radius="sm"
        px="sm"
        py={6}
        mt={4}
        bg={isDragging ? 'blue.0' : undefined}
        style={{ borderStyle: 'dashed', borderColor: isDragging ? 'var(--mantine-color-blue-5)' : undefined }}
        onDragEnter={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setIsDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsDragging(false);
          const dropped = event.dataTransfer.files[0];
          if (dropped) onChange(pickedFromFile(dropped));
        }}
      >
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" size="xs" onClick={() => void choose()} {...rest}>
            Choose file…
          </Button>
          <Text size="sm" c={value ? undefined : 'dimmed'} truncate style={{ flex: 1 }} data-testid="chosen-file-name">
            {value ? value.name : placeholder}
          </Text>
          {value && <CloseButton size="sm" aria-label={`Clear ${label.toLowerCase()}`} onClick={() => onChange(null)} />}
        </Group>
      </Paper>
      <input
        ref={inputRef}
        type="file"
        accept={accept}
        aria-label={label}
        style={{ display: 'none' }}
        onChange={(event) => {
          const chosen = event.currentTarget.files?.[0];
          if (chosen) onChange(pickedFromFile(chosen));
          event.currentTarget.value = '';
        }}
      />
    </Input.Wrapper>
  );
}
