import { Badge, Box, Button, Group, Loader, MultiSelect, Paper, Select, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { describeLimit } from '@shared/api/file-limits';
import type { DocumentCategory } from '@shared/domain/documents';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { callMethod, refreshAfter } from '../../api/use-api';
import { errorMessage } from '../../lib/form-errors';
import { ACCEPTED_FILES, CATEGORY_OPTIONS, eventOptions, guessCategory, isEmailDocument, titleFromFileName, tooLargeMessage } from './document-labels';
import { chooseInMain, hasMainChooser, pickedFromFile, referenceFor, type PickedFile } from '../../lib/import-file';
import { formatBytes } from './file-bytes';
import { useCaseEvents, useDocumentEmail } from './useDocuments';
import { EmailAttachments } from './EmailAttachments';

type ImportState =
  | { kind: 'ready' }
  | { kind: 'reading' }
  | { kind: 'importing' }
  | { kind: 'done'; pageCount: number | null; documentId: number; isEmail: boolean }
  | { kind: 'failed'; message: string };

interface PendingFile {
  key: string;
  picked: PickedFile;
  title: string;
  documentDate: string;
  category: DocumentCategory;
  author: string;
  eventIds: string[];
  state: ImportState;
}

/** A saved e-mail: its title, date and sender come from the message itself (main's parser) unless typed. */
const isEmailFileName = (name: string) => /\.(eml|msg)$/i.test(name);

function pendingFrom(picked: PickedFile, index: number): PendingFile {
  const tooLarge = picked.size === null ? null : tooLargeMessage(picked.size);
  return {
    key: `${Date.now()}-${index}-${picked.name}`,
    picked,
    title: isEmailFileName(picked.name) ? '' : titleFromFileName(picked.name),
    documentDate: '',
    category: guessCategory(picked.name),
    author: '',
    eventIds: [],
    state: tooLarge ? { kind: 'failed', message: tooLarge } : { kind: 'ready' },
  };
}

function StateCell({ state }: { state: ImportState }) {
  switch (state.kind) {
    case 'ready':
      return (
        <Text size="xs" c="dimmed">
          Ready
        </Text>
      );
    case 'reading':
    case 'importing':
      return (
        <Group gap={6} wrap="nowrap">
          <Loader size={12} />
          <Text size="xs">{state.kind === 'reading' ? 'Reading…' : 'Importing…'}</Text>
        </Group>
      );
    case 'done':
      return (
        <Badge color="teal" variant="light" tt="none" radius="sm" style={{ overflow: 'visible', flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
          Added{state.pageCount ? ` · ${state.pageCount} ${state.pageCount === 1 ? 'page' : 'pages'}` : ''}
        </Badge>
      );
    case 'failed':
      return (
        <Text size="xs" c="red" fw={500} role="alert" data-testid="import-error" ta="right" maw={420}>
          {state.message}
        </Text>
      );
  }
}

type PendingTextKey = 'title' | 'documentDate' | 'author';

/** One text detail of a file waiting to be imported; its accessible name says which file. */
function PendingTextField({
  item,
  field,
  label,
  onChange,
  ...layout
}: {
  item: PendingFile;
  field: PendingTextKey;
  label: string;
  onChange: (key: string, change: Partial<PendingFile>) => void;
} & Pick<TextInputProps, 'style' | 'w' | 'placeholder' | 'maxLength'>) {
  return (
    <TextInput
      size="xs"
      label={label}
      aria-label={`${label} of ${item.picked.name}`}
      value={item[field]}
      onChange={(event) => onChange(item.key, { [field]: event.currentTarget.value })}
      {...layout}
    />
  );
}

/** Right after an e-mail is imported: its attachments, each importable as a document of its own. */
function ImportedEmailAttachments({ documentId }: { documentId: number }) {
  const { data: email } = useDocumentEmail(documentId);
  return email && email.attachments.length > 0 ? (
    <Box mt={6} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
      <EmailAttachments documentId={documentId} email={email} />
    </Box>
  ) : null;
}

/**
 * Drag and drop or pick files, check the details, import. Each file is its own import: one
 * refused file (encrypted, damaged, too large, unknown type) says why and leaves the others alone.
 */
export function DocumentUploader({ caseId }: { caseId: number }) {
  const [pending, setPending] = useState<PendingFile[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const [chooseError, setChooseError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const { data: events } = useCaseEvents(caseId);
  const queryClient = useQueryClient();
  const options = eventOptions(events);

  const update = (key: string, change: Partial<PendingFile>) =>
    setPending((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const addPicked = (picked: PickedFile[]) => {
    const added = picked.map(pendingFrom);
    setPending((current) => [...current.filter((item) => item.state.kind !== 'done'), ...added]);
  };
  // A FileList is live: copy it now, before the input is cleared for the next pick.
  const add = (files: FileList | File[]) => addPicked(Array.from(files).map(pickedFromFile));

  /** Main's open dialog in the desktop app; the page's own picker (uploaded at import) in the browser. */
  async function choose() {
    if (!hasMainChooser()) return inputRef.current?.click();
    try {
      const picked = await chooseInMain('document');
      if (picked) addPicked([picked]);
    } catch (error) {
      setChooseError(errorMessage(error));
    }
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    if (event.dataTransfer.files.length > 0) add(event.dataTransfer.files);
  }

  async function importAll() {
    setIsImporting(true);
    for (const item of pending.filter((candidate) => candidate.state.kind === 'ready')) {
      try {
        update(item.key, { state: { kind: 'reading' } });
        const file = await referenceFor(item.picked);
        update(item.key, { state: { kind: 'importing' } });
        const record = await callMethod('documents.import', {
          caseId,
          file,
          fileName: item.picked.name,
          title: item.title,
          documentDate: item.documentDate,
          category: item.category,
          author: item.author,
          eventIds: item.eventIds.map(Number),
        });
        update(item.key, { state: { kind: 'done', pageCount: record.pageCount, documentId: record.id, isEmail: isEmailDocument(record.mimeType) } });
      } catch (error) {
        update(item.key, { state: { kind: 'failed', message: errorMessage(error) } });
      }
    }
    await refreshAfter(queryClient, 'documents.import');
    setIsImporting(false);
  }

  const readyCount = pending.filter((item) => item.state.kind === 'ready').length;
  return (
    <Stack gap="sm">
      <Paper
        withBorder
        radius="md"
        p="lg"
        bg={
          isDragging
            ? 'light-dark(var(--mantine-color-blue-0), var(--mantine-color-dark-5))'
            : 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))'
        }
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: isDragging ? 'var(--mantine-color-blue-5)' : undefined, textAlign: 'center' }}
        onDragEnter={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        data-testid="document-drop-zone"
      >
        <Text fw={600}>Drop files here to add them to the case</Text>
        <Text size="sm" c="dimmed" mb="sm">
          PDF; PNG and JPEG become PDF pages; Word (.docx) and e-mail (.eml, Outlook .msg) are kept as they are, with PDF pages made beside them. Up to{' '}
          {describeLimit('document')} each.
        </Text>
        <Button variant="default" size="sm" onClick={() => void choose()}>
          Choose files…
        </Button>
        {chooseError && (
          <Text size="xs" c="red.8" role="alert" mt={4}>
            {chooseError}
          </Text>
        )}
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          aria-label="Choose files to import"
          data-testid="document-file-input"
          style={{ display: 'none' }}
          onChange={(event) => {
            if (event.currentTarget.files) add(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </Paper>
      {pending.length > 0 && (
        <Paper withBorder radius="md" p="sm">
          <Stack gap={0} aria-label="Files to import" role="list" data-testid="pending-files">
            {pending.map((item, index) => {
              const isEditable = item.state.kind === 'ready';
              return (
                <Box
                  key={item.key}
                  role="listitem"
                  data-testid="pending-file"
                  py="xs"
                  style={{ borderTop: index === 0 ? undefined : '1px solid var(--mantine-color-gray-2)' }}
                >
                  <Group justify="space-between" wrap="nowrap" mb={isEditable ? 6 : 0}>
                    <Text size="sm" fw={600} truncate title={item.picked.name}>
                      {item.picked.name}{' '}
                      {item.picked.size !== null && (
                        <Text span size="xs" c="dimmed" fw={400}>
                          {formatBytes(item.picked.size)}
                        </Text>
                      )}
                    </Text>
                    <StateCell state={item.state} />
                  </Group>
                  {item.state.kind === 'done' && item.state.isEmail && <ImportedEmailAttachments documentId={item.state.documentId} />}
                  {isEditable && (
                    <Group gap="xs" align="flex-start" wrap="wrap">
                      <PendingTextField
                        item={item}
                        field="title"
                        label="Title"
                        style={{ flex: '2 1 220px' }}
                        placeholder={isEmailFileName(item.picked.name) ? 'The e-mail’s subject' : undefined}
                        onChange={update}
                      />
                      <PendingTextField
                        item={item}
                        field="documentDate"
                        label="Date"
                        w={110}
                        placeholder={isEmailFileName(item.picked.name) ? 'As sent' : 'YYYY-MM-DD'}
                        maxLength={10}
                        onChange={update}
                      />
                      <Select
                        size="xs"
                        label="Category"
                        w={160}
                        aria-label={`Category of ${item.picked.name}`}
                        data={CATEGORY_OPTIONS}
                        allowDeselect={false}
                        value={item.category}
                        onChange={(value) => value && update(item.key, { category: value as DocumentCategory })}
                      />
                      <PendingTextField
                        item={item}
                        field="author"
                        label="Author"
                        style={{ flex: '1 1 140px' }}
                        placeholder={isEmailFileName(item.picked.name) ? 'The sender' : undefined}
                        onChange={update}
                      />
                      <MultiSelect
                        size="xs"
                        label="Linked events"
                        style={{ flex: '2 1 240px' }}
                        aria-label={`Events linked to ${item.picked.name}`}
                        placeholder={options.length ? 'Link timeline events' : 'No events on the timeline'}
                        data={options}
                        value={item.eventIds}
                        disabled={options.length === 0}
                        searchable
                        onChange={(value) => update(item.key, { eventIds: value })}
                      />
                    </Group>
                  )}
                </Box>
              );
            })}
          </Stack>
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" size="sm" onClick={() => setPending([])} disabled={isImporting}>
              {readyCount > 0 ? 'Cancel' : 'Clear'}
            </Button>
            <Button size="sm" onClick={() => void importAll()} loading={isImporting} disabled={readyCount === 0}>
              {readyCount > 1 ? `Import ${readyCount} files` : 'Import'}
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
