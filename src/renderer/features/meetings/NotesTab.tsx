import { Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { MeetingRecord } from '@shared/domain/meetings';
import { DecisionsPanel } from './DecisionsPanel';
import { MeetingItemsPanel } from './MeetingItemsPanel';
import { useAutosave, type AutosaveState } from './useAutosave';
import { useSaveNotes } from './useMeetings';

const STATE_LABELS: Record<AutosaveState, { label: string; color: string }> = {
  saved: { label: 'Saved', color: 'teal' },
  pending: { label: 'Editing…', color: 'dimmed' },
  saving: { label: 'Saving…', color: 'dimmed' },
  failed: { label: 'Not saved — check the connection; typing again retries', color: 'red' },
};

/** During the meeting: notes that save themselves, and the decisions as they are made. */
export function NotesTab({ meeting }: { meeting: MeetingRecord }) {
  const saveNotes = useSaveNotes();
  const notes = useAutosave(meeting.notes ?? '', (text) => saveNotes.mutateAsync({ id: meeting.id, notes: text }));
  const status = STATE_LABELS[notes.state];

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label="Notes">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Notes
            </Title>
            <Text size="xs" c={status.color} aria-live="polite" data-testid="notes-state">
              {status.label}
            </Text>
          </Group>
          <Textarea
            aria-label="Meeting notes"
            placeholder="Type freely during the meeting; notes save as you go."
            autosize
            minRows={12}
            maxRows={30}
            value={notes.text}
            onChange={(event) => notes.change(event.currentTarget.value)}
            onBlur={() => void notes.flush()}
            styles={{ input: { fontSize: 15, lineHeight: 1.55 } }}
            data-autofocus
          />
        </Stack>
      </Paper>
      <DecisionsPanel meeting={meeting} />
      <MeetingItemsPanel meetingId={meeting.id} meetingDate={meeting.date} />
    </Stack>
  );
}
