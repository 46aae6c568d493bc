import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { MeetingRecord } from '@shared/domain/meetings';
import { useState } from 'react';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { LetterModal } from '../letters/LetterModal';
import { meetingFieldsOf } from './meeting-format';
import { useDraftParentConcerns, useUpdateMeeting } from './useMeetings';

interface ParentConcernsPanelProps {
  meeting: MeetingRecord;
  hasUnsavedWorksheet: boolean;
}

/**
 * The parent concern statement (34 CFR 300.324(a)(1)(ii): the team must consider the parents'
 * concerns): drafted from the worksheet's positions, interests and data — never the family's
 * bottom line — then edited here and sent as a letter.
 */
export function ParentConcernsPanel({ meeting, hasUnsavedWorksheet }: ParentConcernsPanelProps) {
  const [text, setText] = useState(meeting.parentConcerns ?? '');
  const [savedText, setSavedText] = useState(meeting.parentConcerns ?? '');
  const [isWritingLetter, setIsWritingLetter] = useState(false);
  const draft = useDraftParentConcerns();
  const update = useUpdateMeeting();
  const isDirty = text !== savedText;

  async function draftFromWorksheet() {
    try {
      const result = await draft.mutateAsync({ id: meeting.id, overwrite: false });
      setText(result.text);
      if (result.isSaved) {
        setSavedText(result.text);
        notifySaved('Parent concern statement drafted and saved');
      } else {
        notifySaved('New draft shown below; save it to replace the statement you had');
      }
    } catch (error) {
      notifyFailed(error, 'Could not draft the statement');
    }
  }

  async function saveStatement(): Promise<boolean> {
    try {
      await update.mutateAsync({ id: meeting.id, fields: meetingFieldsOf(meeting, { parentConcerns: text }) });
      setSavedText(text);
      notifySaved('Parent concern statement saved');
      return true;
    } catch (error) {
      notifyFailed(error, 'Could not save the statement');
      return false;
    }
  }

  async function writeLetter() {
    // The letter reads the statement saved on the meeting, so it is saved first.
    if (isDirty && !(await saveStatement())) return;
    setIsWritingLetter(true);
  }

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label="Parent concern statement">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h5">
              Parent concern statement
            </Title>
            {isDirty && (
              <Badge color="orange" variant="light" tt="none">
                Unsaved changes
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <Button variant="default" onClick={() => void draftFromWorksheet()} loading={draft.isPending} disabled={hasUnsavedWorksheet}>
              Draft parent concern statement
            </Button>
            <Button variant="default" onClick={() => void saveStatement()} loading={update.isPending} disabled={!isDirty}>
              Save statement
            </Button>
            <Button onClick={() => void writeLetter()} disabled={!text.trim()}>
              Write the letter…
            </Button>
          </Group>
        </Group>
        {hasUnsavedWorksheet && (
          <Text size="xs" c="dimmed">
            Save the worksheet first: the statement is drafted from the saved worksheet.
          </Text>
        )}
        {text || isDirty ? (
          <Textarea
            label="Statement"
            description="One concern per line; the letter lists them in this order."
            autosize
            minRows={4}
            maxRows={16}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        ) : (
          <Alert variant="light" color="gray">
            Draft the statement from the worksheet: it states the family's positions, interests and data for each issue, and leaves out what the family can
            compromise on and its minimum.
          </Alert>
        )}
      </Stack>
      {isWritingLetter && (
        <LetterModal caseId={meeting.caseId} initialKind="parent_concern_statement" meetingId={meeting.id} onClose={() => setIsWritingLetter(false)} />
      )}
    </Paper>
  );
}
