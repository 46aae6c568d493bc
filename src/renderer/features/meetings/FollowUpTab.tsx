import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { MeetingDecision, MeetingRecord } from '@shared/domain/meetings';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { LetterModal } from '../letters/LetterModal';
import { MeetingItemsPanel } from './MeetingItemsPanel';
import { useCreateTasksFromDecisions } from './useMeetings';

function TaskStatus({ decision }: { decision: MeetingDecision }) {
  if (decision.taskId !== null)
    return (
      <Badge color="teal" variant="light" tt="none">
        Task created
      </Badge>
    );
  if (!decision.dueOn)
    return (
      <Badge color="gray" variant="light" tt="none">
        No due date
      </Badge>
    );
  return (
    <Badge color="orange" variant="light" tt="none">
      No task yet
    </Badge>
  );
}

function summary(created: number, alreadyLinked: number, withoutDueDate: number): string {
  const parts = [`${created} task${created === 1 ? '' : 's'} created`];
  if (alreadyLinked > 0) parts.push(`${alreadyLinked} already had one`);
  if (withoutDueDate > 0) parts.push(`${withoutDueDate} without a date skipped`);
  return parts.join('; ');
}

/** After the meeting: every promise with a date becomes a task, and the letter confirms what was decided. */
export function FollowUpTab({ meeting }: { meeting: MeetingRecord }) {
  const createTasks = useCreateTasksFromDecisions();
  const [isWritingLetter, setIsWritingLetter] = useState(false);
  const pending = meeting.decisions.filter((decision) => decision.taskId === null && decision.dueOn).length;

  async function makeTasks() {
    try {
      const result = await createTasks.mutateAsync({ id: meeting.id });
      notifySaved(summary(result.createdTaskIds.length, result.alreadyLinked, result.withoutDueDate));
    } catch (error) {
      notifyFailed(error, 'Could not create the tasks');
    }
  }

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md" component="section" aria-label="Tasks from decisions">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={3} size="h5">
              Tasks from decisions
            </Title>
            <Group gap="sm">
              <Button variant="default" component={Link} to={`/cases/${meeting.caseId}?tab=deadlines`}>
                Open Deadlines & tasks
              </Button>
              <Button onClick={() => void makeTasks()} loading={createTasks.isPending} disabled={pending === 0}>
                Create tasks from decisions
              </Button>
            </Group>
          </Group>
          {meeting.decisions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No decisions recorded. Add them on the Notes tab as they are made.
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {pending > 0
                  ? `${pending} decision${pending === 1 ? '' : 's'} with a date ${pending === 1 ? 'has' : 'have'} no task yet. Each gets one task with its due date; running this again never makes a second.`
                  : 'Every decision with a date has its task. Editing a decision updates its open task.'}
              </Text>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={200}>Who</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th w={130}>By when</Table.Th>
                    <Table.Th w={170}>Task</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {meeting.decisions.map((decision) => (
                    <Table.Tr key={decision.id} data-testid="follow-up-decision">
                      <Table.Td fw={600}>{decision.who}</Table.Td>
                      <Table.Td>{decision.what}</Table.Td>
                      <Table.Td>{formatDate(decision.dueOn)}</Table.Td>
                      <Table.Td>
                        <TaskStatus decision={decision} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Stack>
      </Paper>
      <MeetingItemsPanel meetingId={meeting.id} meetingDate={meeting.date} />
      {meeting.type === 'mediation' ? (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Follow-up letter">
          <Title order={3} size="h5">
            No follow-up letter after mediation
          </Title>
          <Text size="sm" c="dimmed" maw={620}>
            Discussions in mediation are confidential and may not be used as evidence later (34 CFR 300.506(b)(8)), so a letter summarising them is not offered.
            The signed agreement is the record: add it on the case’s Agreements tab. Resolution sessions are not confidential under federal law and keep their
            follow-up letter.
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Follow-up letter">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4} maw={620}>
              <Title order={3} size="h5">
                Follow-up letter
              </Title>
              <Text size="sm" c="dimmed">
                A letter “to confirm what was decided”: the meeting, who attended, and each decision with who does it and by when. Sending it soon after the
                meeting makes the written record.
              </Text>
            </Stack>
            <Button onClick={() => setIsWritingLetter(true)}>Draft follow-up letter</Button>
          </Group>
          {meeting.decisions.length === 0 && (
            <Alert variant="light" color="yellow" mt="sm">
              No decisions are recorded yet; the letter will ask for them.
            </Alert>
          )}
        </Paper>
      )}
      {isWritingLetter && (
        <LetterModal caseId={meeting.caseId} initialKind="meeting_follow_up" meetingId={meeting.id} onClose={() => setIsWritingLetter(false)} />
      )}
    </Stack>
  );
}
