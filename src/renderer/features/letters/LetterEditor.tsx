import { ActionIcon, Alert, Anchor, Button, Divider, Group, List, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { letterContent, type LetterDraft, type LetterKindId } from '@shared/domain/documents';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refreshAfter } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { errorMessage, serverFieldErrors } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { validateWith } from '../../lib/validate';
import { exportToFile } from '../../lib/save-file';
import { AdvocateProfileModal } from '../profile/AdvocateProfileModal';
import { MarkSentPanel } from './MarkSentPanel';
import { editorErrorKey, editorValues, letterFromValues, withProfile, type LetterEditorValues } from './letter-editor-values';

interface LetterEditorProps {
  caseId: number;
  kind: LetterKindId;
  draft: LetterDraft;
  onBack: () => void;
  onExported: () => void;
}

function errorsByField(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) errors[editorErrorKey(path.replace(/^letter\./, ''))] ??= message;
  return errors;
}

/** The drafted letter, every part editable, then exported as PDF or Word into the case's documents and timeline. */
export function LetterEditor({ caseId, kind, draft, onBack, onExported }: LetterEditorProps) {
  const [values, setValues] = useState<LetterEditorValues>(() => editorValues(draft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'pdf' | 'docx' | null>(null);
  const [isEditingProfile, setIsEditingProfile] = useState(false);
  const [exported, setExported] = useState<{ documentId: number; fileName: string; date: string; recipient: string } | null>(null);
  const queryClient = useQueryClient();
  const set = <K extends keyof LetterEditorValues>(key: K, value: LetterEditorValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setParagraphs = (paragraphs: string[]) => set('paragraphs', paragraphs);
  const text = (key: keyof LetterEditorValues) => ({
    value: values[key] as string,
    error: errors[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value as never),
  });

  async function exportAs(format: 'pdf' | 'docx') {
    setFormError(null);
    const validation = validateWith(letterContent, letterFromValues(values));
    if (!validation.isValid) {
      setErrors(errorsByField(validation.errors));
      setFormError('Please fill in the highlighted parts of the letter.');
      return;
    }
    setErrors({});
    setExporting(format);
    try {
      // The letter is added to the case's documents whether or not a copy is saved to disk.
      const result = await exportToFile('letters.export', {
        caseId,
        kind,
        format,
        letter: validation.data,
        ...(draft.ieeRequest ? { ieeRequest: draft.ieeRequest } : {}),
      });
      await refreshAfter(queryClient, 'letters.export');
      notifySaved(`${result.fileName} was added to the case’s documents${result.savedPath ? ` and saved to ${result.savedPath}` : ''}`);
      const letter = validation.data;
      setExported({
        documentId: Number(result.summary.documentId),
        fileName: result.fileName,
        date: letter.date,
        recipient: [letter.to.name, letter.to.title].filter(Boolean).join(', '),
      });
    } catch (error) {
      const fields = errorsByField(serverFieldErrors(error));
      setErrors(fields);
      setFormError(errorMessage(error));
    } finally {
      setExporting(null);
    }
  }

  if (exported) {
    return (
      <MarkSentPanel
        caseId={caseId}
        kind={kind}
        documentId={exported.documentId}
        fileName={exported.fileName}
        letterDate={exported.date}
        recipient={exported.recipient}
        ieeRequest={draft.ieeRequest}
        onDone={onExported}
      />
    );
  }

  return (
    <Stack gap="sm">
      {draft.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Check before sending">
          <List size="sm" spacing={2}>
            {draft.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={6}>
          <Text fw={600} size="sm">
            To
          </Text>
          <TextInput label="Name" withAsterisk {...text('toName')} />
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Title" {...text('toTitle')} />
            <TextInput label="District" {...text('toDistrict')} />
          </SimpleGrid>
          <Textarea label="Address" autosize minRows={2} {...text('toAddress')} />
        </Stack>
        <Stack gap={6}>
          <Group justify="space-between">
            <Text fw={600} size="sm">
              From
            </Text>
            <Anchor component="button" type="button" size="xs" onClick={() => setIsEditingProfile(true)}>
              Your details used on letters and binder covers
            </Anchor>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <TextInput label="Name" withAsterisk {...text('fromName')} />
            <TextInput label="Organization" {...text('fromOrganization')} />
            <TextInput label="Email" {...text('fromEmail')} />
            <TextInput label="Phone" {...text('fromPhone')} />
          </SimpleGrid>
          <Textarea label="Address" autosize minRows={2} {...text('fromAddress')} />
        </Stack>
      </SimpleGrid>
      <Divider />
      <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
        <DateField label="Date" isRequired value={values.date} onChange={(value) => set('date', String(value ?? ''))} error={errors.date} />
        <TextInput label="Subject" withAsterisk style={{ gridColumn: 'span 3' }} {...text('subject')} />
      </SimpleGrid>
      <TextInput label="Salutation" {...text('salutation')} />
      <Stack gap={6} role="group" aria-label="Letter body">
        <Text size="sm" fw={500}>
          Body
        </Text>
        {values.paragraphs.map((paragraph, index) => (
          <Group key={index} gap={6} align="flex-start" wrap="nowrap">
            <Textarea
              aria-label={`Paragraph ${index + 1}`}
              value={paragraph}
              onChange={(event) => setParagraphs(values.paragraphs.map((candidate, at) => (at === index ? event.currentTarget.value : candidate)))}
              autosize
              minRows={2}
              style={{ flex: 1 }}
              data-testid="letter-paragraph"
            />
            <Stack gap={2}>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                disabled={index === 0}
                aria-label={`Move paragraph ${index + 1} up`}
                onClick={() => setParagraphs(swap(values.paragraphs, index, index - 1))}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                disabled={index === values.paragraphs.length - 1}
                aria-label={`Move paragraph ${index + 1} down`}
                onClick={() => setParagraphs(swap(values.paragraphs, index, index + 1))}
              >
                ↓
              </ActionIcon>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={values.paragraphs.length === 1}
                aria-label={`Remove paragraph ${index + 1}`}
                onClick={() => setParagraphs(values.paragraphs.filter((_, at) => at !== index))}
              >
                Remove
              </Button>
            </Stack>
          </Group>
        ))}
        {errors.paragraphs && (
          <Text size="sm" c="red">
            {errors.paragraphs}
          </Text>
        )}
        <div>
          <Button variant="light" size="xs" onClick={() => setParagraphs([...values.paragraphs, ''])}>
            Add a paragraph
          </Button>
        </div>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label="Closing" {...text('closing')} />
        <Textarea label="Copies to (cc)" description="One per line" autosize minRows={1} {...text('cc')} />
      </SimpleGrid>
      {formError && (
        <Alert color="red" variant="light" title="Not exported" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack} disabled={exporting !== null}>
          ← Choose another letter
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={() => void exportAs('docx')} loading={exporting === 'docx'} disabled={exporting === 'pdf'}>
            Export DOCX
          </Button>
          <Button onClick={() => void exportAs('pdf')} loading={exporting === 'pdf'} disabled={exporting === 'docx'}>
            Export PDF
          </Button>
        </Group>
      </Group>
      {isEditingProfile && (
        <AdvocateProfileModal onClose={() => setIsEditingProfile(false)} onSaved={(profile) => setValues((current) => withProfile(current, profile))} />
      )}
    </Stack>
  );
}

function swap(items: string[], from: number, to: number): string[] {
  const next = [...items];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}
