import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { formatMinutes } from '@shared/format';
import type { TimeEntry } from '@shared/domain/time-entries';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { TimeEntryModal } from './TimeEntryModal';
import { useCaseTimeEntries, useDeleteTimeEntry } from './useTime';
import { ariaRowCount, VirtualTableBody } from '../../components/VirtualTableBody';

function Totals({ entries }: { entries: TimeEntry[] }) {
  const finished = entries.filter((entry) => !entry.isRunning);
  const total = finished.reduce((sum, entry) => sum + entry.minutes, 0);
  const billable = finished.filter((entry) => entry.isBillable).reduce((sum, entry) => sum + entry.minutes, 0);
  return (
    <Group gap="xl" data-testid="time-totals">
      <Text size="sm">
        Total <b>{formatMinutes(total)}</b>
      </Text>
      <Text size="sm">
        Billable <b>{formatMinutes(billable)}</b>
      </Text>
      <Text size="sm" c="dimmed">
        {finished.length} entr{finished.length === 1 ? 'y' : 'ies'}
      </Text>
    </Group>
  );
}

/** Time spent on the case: timed or typed in, newest first, with totals. */
export function CaseTimeTab({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useCaseTimeEntries(caseId);
  const [editing, setEditing] = useState<TimeEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const remove = useDeleteTimeEntry();

  async function deleteEntry() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved('Time entry deleted');
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          Time
        </Title>
        <Button onClick={() => setEditing('new')}>Add time</Button>
      </Group>
      {!data ? (
        <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState
          title="No time recorded"
          description="Start the timer while you work on the case, or add time by hand (minutes or h:mm)."
          action={<Button onClick={() => setEditing('new')}>Add time</Button>}
        />
      ) : (
        <Paper withBorder radius="md">
          <Table verticalSpacing="xs" highlightOnHover aria-rowcount={ariaRowCount(data.length)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>Date</Table.Th>
                <Table.Th w={100}>Time</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th w={100}>Billable</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <VirtualTableBody
              items={data}
              getKey={(entry) => entry.id}
              columnCount={5}
              renderRow={(entry, rowProps) => (
                <Table.Tr {...rowProps} key={entry.id} data-testid="time-entry">
                  <Table.Td>{formatDate(entry.workedOn)}</Table.Td>
                  <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="time-entry-duration">
                    {entry.isRunning ? (
                      <Badge color="red" variant="light" tt="none">
                        Running
                      </Badge>
                    ) : (
                      formatMinutes(entry.minutes)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={entry.description ? undefined : 'dimmed'}>
                      {entry.description ?? (entry.startedAt ? 'Timed' : '—')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.isBillable ? (
                      'Yes'
                    ) : (
                      <Text span size="sm" c="dimmed">
                        No
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {!entry.isRunning && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="gray"
                          aria-label={`Edit time entry of ${formatDate(entry.workedOn)}`}
                          onClick={() => setEditing(entry)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Delete time entry of ${formatDate(entry.workedOn)}`}
                          onClick={() => setDeleting(entry)}
                        >
                          Delete
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            />
          </Table>
          <Group px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <Totals entries={data} />
          </Group>
        </Paper>
      )}
      {editing && <TimeEntryModal caseId={caseId} entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete time entry"
        message={deleting ? `${formatMinutes(deleting.minutes)} on ${formatDate(deleting.workedOn)} will be removed from the case and its reports.` : ''}
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() => void deleteEntry()}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
