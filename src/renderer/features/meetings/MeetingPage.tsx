import { Anchor, Badge, Button, Group, Tabs, Text } from '@mantine/core';
import { MEETING_TYPE_LABELS } from '@shared/domain/meetings';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { FollowUpTab } from './FollowUpTab';
import { attendeeNames, formatHeldAt } from './meeting-format';
import { MeetingFormModal } from './MeetingFormModal';
import { NotesTab } from './NotesTab';
import { PreparationTab } from './PreparationTab';
import { useDeleteMeeting, useMeeting, useMeetingCase } from './useMeetings';

/** One meeting: prepare before it, take notes and record decisions in it, follow up after it. */
export function MeetingPage() {
  const id = Number(useParams().id);
  const meetingQuery = useMeeting(id);
  const meeting = meetingQuery.data;
  const caseQuery = useMeetingCase(meeting?.caseId);
  const [searchParams, setSearchParams] = useSearchParams();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const remove = useDeleteMeeting();
  const navigate = useNavigate();

  if (!meeting || !caseQuery.data) {
    return (
      <QueryState
        isLoading={meetingQuery.isLoading || caseQuery.isLoading}
        error={meetingQuery.error ?? caseQuery.error}
        onRetry={() => void meetingQuery.refetch()}
      />
    );
  }
  const { case: record, student, family, contacts } = caseQuery.data;
  const tab = ['prepare', 'notes', 'follow-up'].includes(searchParams.get('tab') ?? '') ? searchParams.get('tab')! : 'prepare';

  async function deleteMeeting() {
    try {
      await remove.mutateAsync({ id });
      notifySaved('Meeting deleted');
      void navigate(`/cases/${record.id}?tab=meetings`);
    } catch (error) {
      notifyFailed(error);
    }
  }

  return (
    <>
      <PageHeader
        above={
          <Group gap={6}>
            <Anchor component={Link} to={`/families/${family.id}`} size="sm" underline="hover">
              {family.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              /
            </Text>
            <Anchor component={Link} to={`/cases/${record.id}?tab=meetings`} size="sm" underline="hover">
              {student.firstName} {student.lastName} · {record.title}
            </Anchor>
          </Group>
        }
        title={
          <Group gap="sm" component="span">
            <span>{MEETING_TYPE_LABELS[meeting.type]}</span>
            <Badge variant="light" tt="none" size="lg" radius="sm">
              {formatHeldAt(meeting.heldAt, meeting.endsAt)}
            </Badge>
          </Group>
        }
        subtitle={[meeting.place, attendeeNames(meeting)].filter(Boolean).join(' · ') || 'No place or attendees recorded'}
        actions={
          <>
            <Button variant="default" onClick={() => setIsEditing(true)}>
              Edit meeting
            </Button>
            <Button variant="default" color="red" onClick={() => setIsConfirmingDelete(true)}>
              Delete
            </Button>
          </>
        }
      />
      {meeting.agenda && (
        <Text size="sm" mb="md" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600}>
            Agenda:{' '}
          </Text>
          {meeting.agenda}
        </Text>
      )}
      <Tabs value={tab} onChange={(next) => next && setSearchParams({ tab: next }, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="prepare" fw={500}>
            Prepare
          </Tabs.Tab>
          <Tabs.Tab value="notes" fw={500}>
            Notes & decisions
          </Tabs.Tab>
          <Tabs.Tab value="follow-up" fw={500}>
            Follow-up
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="prepare">
          <PreparationTab meeting={meeting} caseIssues={record.issues} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesTab meeting={meeting} />
        </Tabs.Panel>
        <Tabs.Panel value="follow-up">
          <FollowUpTab meeting={meeting} />
        </Tabs.Panel>
      </Tabs>
      {isEditing && <MeetingFormModal caseId={record.id} contacts={contacts} meeting={meeting} onClose={() => setIsEditing(false)} />}
      <ConfirmDialog
        opened={isConfirmingDelete}
        title="Delete meeting"
        message="The meeting, its worksheet, notes and decisions are deleted. Tasks already made from its decisions stay on the case."
        confirmLabel="Delete meeting"
        isPending={remove.isPending}
        onConfirm={() => void deleteMeeting()}
        onClose={() => setIsConfirmingDelete(false)}
      />
    </>
  );
}
