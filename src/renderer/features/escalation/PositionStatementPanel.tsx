import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '@shared/format';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { errorMessage } from '../../lib/form-errors';
import { useDeletePositionStatement, usePositionStatement, useSavePositionStatement } from './useEscalation';

/**
 * The position statement for mediation or a resolution session: drafted from the claims (their
 * proposed resolutions) and the meeting-prep worksheet, edited here, printed by the binder. The
 * worksheet's "minimum acceptable" and "can compromise" never reach it.
 */
export function PositionStatementPanel({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = usePositionStatement(caseId);
  const save = useSavePositionStatement();
  const discard = useDeletePositionStatement();
  const [text, setText] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => setText(null), [caseId]);
  if (!data) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const shown = text ?? data.text ?? data.draft;
  const isDirty = text !== null && text !== (data.text ?? data.draft);

  async function onSave() {
    setFormError(null);
    try {
      await save.mutateAsync({ caseId, text: shown });
      setText(null);
      notifySaved('Position statement saved');
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  }
  async function onDiscard() {
    try {
      await discard.mutateAsync({ caseId });
      setText(null);
      notifySaved('Saved statement discarded: the binder uses the draft');
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="position-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="position-title">
            Position statement
          </Title>
          <Text size="xs" c="dimmed">
            {data.text ? `Saved ${formatTimestamp(data.updatedAt)}` : 'Draft from the claims and the prep worksheet (not saved)'}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          For mediation or a resolution session; the binder prints it. The family&apos;s minimum acceptable outcome and what it can compromise on stay out.
        </Text>
        {shown === '' ? (
          <Alert color="gray" variant="light">
            Nothing to draft yet: add claims with a proposed resolution, or prepare a meeting&apos;s worksheet.
          </Alert>
        ) : null}
        <Textarea
          aria-label="Position statement text"
          autosize
          minRows={8}
          maxRows={24}
          value={shown}
          onChange={(event) => setText(event.currentTarget.value)}
          styles={{ input: { fontFamily: 'inherit', lineHeight: 1.5 } }}
        />
        {formError && (
          <Text size="sm" c="red" role="alert">
            {formError}
          </Text>
        )}
        <Group gap="sm">
          <Button onClick={() => void onSave()} loading={save.isPending} disabled={shown.trim() === '' || (!isDirty && data.text !== null)}>
            Save statement
          </Button>
          <Button variant="default" onClick={() => setText(data.draft)} disabled={shown === data.draft}>
            Start again from the draft
          </Button>
          {data.text !== null && (
            <Button variant="subtle" color="gray" onClick={() => void onDiscard()} loading={discard.isPending}>
              Discard saved text
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
