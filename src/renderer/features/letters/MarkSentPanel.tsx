import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { LETTER_SEND_METHOD_LABELS, LETTER_SEND_METHODS, type LetterDraft, type LetterKindId } from '@shared/domain/documents';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callMethod, refreshAfter } from '../../api/use-api';
import { DateField } from '../../components/DateField';
import { errorMessage, serverFieldErrors } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';

type SendMethod = (typeof LETTER_SEND_METHODS)[number];

interface MarkSentPanelProps {
  caseId: number;
  kind: LetterKindId;
  documentId: number;
  fileName: string;
  letterDate: string;
  recipient: string;
  ieeRequest: LetterDraft['ieeRequest'];
  onDone: () => void;
  /** Right after export (the default) it says the files exist; from the Documents tab it does not. */
  isAfterExport?: boolean;
}

/**
 * After export: the files exist, nothing is on the timeline yet. Sending is the act the timeline
 * records (once), and the act that starts the clocks the letter starts.
 */
export function MarkSentPanel({ caseId, kind, documentId, fileName, letterDate, recipient, ieeRequest, onDone, isAfterExport = true }: MarkSentPanelProps) {
  const [sentOn, setSentOn] = useState(letterDate);
  const [method, setMethod] = useState<SendMethod>('email');
  const [to, setTo] = useState(recipient);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  // Only asked when nothing says what the IEE request disputes (the server uses the export's record, or the case's tracker entry).
  const [disputedEvaluation, setDisputedEvaluation] = useState('');
  const request = ieeRequest ?? (disputedEvaluation.trim() ? { disputedEvaluation: disputedEvaluation.trim(), areas: [] } : undefined);
  const queryClient = useQueryClient();

  async function markSent() {
    setIsSaving(true);
    setFormError(null);
    try {
      const result = await callMethod('letters.markSent', { caseId, kind, documentId, sentOn, method, to, ...(request ? { ieeRequest: request } : {}) });
      await refreshAfter(queryClient, 'letters.markSent');
      notifySaved(['Marked as sent and added to the timeline.', ...result.started].join(' '));
      onDone();
    } catch (error) {
      setErrors(serverFieldErrors(error));
      setFormError(errorMessage(error));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="mark-sent">
      {isAfterExport ? (
        <Alert color="teal" variant="light" title="Exported">
          {fileName} was added to the case’s documents. Exporting is not sending: when the letter goes out, mark it as sent so the timeline records it once and
          its clocks start.
        </Alert>
      ) : (
        <Text size="sm">{fileName}: record when and how it went out. The timeline gets one entry for this letter, and its clocks start.</Text>
      )}
      {isAfterExport && (
        <Title order={3} size="h5">
          Mark as sent
        </Title>
      )}
      <Group grow align="flex-start">
        <DateField label="Sent on" isRequired value={sentOn} onChange={(value) => setSentOn(String(value ?? ''))} error={errors.sentOn} />
        <Select
          label="How"
          data={LETTER_SEND_METHODS.map((value) => ({ value, label: LETTER_SEND_METHOD_LABELS[value] }))}
          value={method}
          onChange={(value) => value && setMethod(value as SendMethod)}
          allowDeselect={false}
        />
        <TextInput label="To whom" withAsterisk value={to} onChange={(event) => setTo(event.currentTarget.value)} error={errors.to} />
      </Group>
      {kind === 'records_request' && (
        <Text size="sm" c="dimmed">
          Marking it sent starts the records deadline on the case’s Deadlines tab.
        </Text>
      )}
      {kind === 'iee_request' && !ieeRequest && (
        <TextInput
          label="Disputed evaluation"
          description="Needed only if the case has no IEE request yet: the district evaluation the parents disagree with"
          value={disputedEvaluation}
          onChange={(event) => setDisputedEvaluation(event.currentTarget.value)}
          error={errors['ieeRequest.disputedEvaluation']}
        />
      )}
      {kind === 'iee_request' && (
        <Text size="sm" c="dimmed">
          Marking it sent starts the IEE request’s tracking (and its silence flag) if the case has none yet.
        </Text>
      )}
      {formError && (
        <Alert color="red" variant="light" title="Not marked as sent" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={isSaving}>
          Not sent yet — close
        </Button>
        <Button onClick={() => void markSent()} loading={isSaving} disabled={to.trim() === '' || sentOn === ''}>
          Mark as sent
        </Button>
      </Group>
    </Stack>
  );
}
