import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Contact } from '@shared/domain/entities';
import { MEETING_TYPE_LABELS, type MeetingRecord } from '@shared/domain/meetings';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { attendeeNames, formatHeldAt, splitMeetings } from './meeting-format';
import { MeetingFormModal } from './MeetingFormModal';
import { useCaseMeetingList } from './useMeetings';

function MeetingRow({ meeting }: { meeting: MeetingRecord }) {
  const openTasks = meeting.decisions.filter((decision) => decision.dueOn && decision.taskId === null).length;
  return (
    <Group justify="space-between" wrap="nowrap" py="sm" px="md" data-testid="meeting-row" role="listitem">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={600} size="sm">
            {MEETING_TYPE_LABELS[meeting.type]} · {formatHeldAt(meeting.heldAt, meeting.endsAt)}
          </Anchor>
          {meeting.preparation && (
            <Badge size="sm" variant="light" color="teal" tt="none">
              Prepared
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {[meeting.place, attendeeNames(meeting)].filter(Boolean).join(' · ') || 'No place or attendees yet'}
        </Text>
      </Stack>
      {/* The counts keep their width; the place and attendees line above gives way (it truncates). */}
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {meeting.decisions.length > 0 && (
          <Badge variant="default" tt="none" fw={500}>
            {meeting.decisions.length} decision{meeting.decisions.length === 1 ? '' : 's'}
          </Badge>
        )}
        {openTasks > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {openTasks} without a task
          </Badge>
        )}
      </Group>
    </Group>
  );
}

function MeetingGroup({ title, meetings }: { title: string; meetings: MeetingRecord[] }) {
  if (meetings.length === 0) return null;
  return (
    <Stack gap={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {title}
      </Text>
      <Paper withBorder radius="md" role="list" aria-label={title}>
        {meetings.map((meeting, index) => (
          <div key={meeting.id} style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}>
            <MeetingRow meeting={meeting} />
          </div>
        ))}
      </Paper>
    </Stack>
  );
}

/** The case's meetings: the next ones to prepare for, then the ones held, with their decisions. */
export function MeetingsTab({ caseId, contacts }: { caseId: number; contacts: Contact[] }) {
  const { data, isLoading, error, refetch } = useCaseMeetingList(caseId);
  const [isAdding, setIsAdding] = useState(false);
  const navigate = useNavigate();
  const { upcoming, past } = splitMeetings(data ?? []);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          Meetings
        </Title>
        <Button onClick={() => setIsAdding(true)}>New meeting</Button>
      </Group>
      {!data ? (
        <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState
          title="No meetings yet"
          description="Plan the IEP meeting, resolution session or mediation here, prepare each issue with the family, take notes and record who agreed to what."
          action={<Button onClick={() => setIsAdding(true)}>New meeting</Button>}
        />
      ) : (
        <>
          <MeetingGroup title="Upcoming" meetings={upcoming} />
          <MeetingGroup title="Held" meetings={past} />
        </>
      )}
      {isAdding && (
        <MeetingFormModal
          caseId={caseId}
          contacts={contacts}
          meeting={null}
          onClose={() => setIsAdding(false)}
          onSaved={(saved) => void navigate(`/meetings/${saved.id}`)}
        />
      )}
    </Stack>
  );
}
