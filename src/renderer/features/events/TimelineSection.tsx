import { Button, Divider, Group, MultiSelect, Paper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Contact, TimelineEvent } from '@shared/domain/entities';
import type { EventType } from '@shared/domain/vocabulary';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { EVENT_TYPE_GROUPS } from '../../lib/labels';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { EventModal } from './EventModal';
import { EventRow } from './EventRow';
import { useDeleteEvent, useEvents } from './useEvents';
import { VirtualList } from '../../components/VirtualTableBody';

interface TimelineSectionProps {
  caseId: number;
  contacts: Contact[];
}

/** The case's timeline in date order (as main returns it), with type filter, add, edit, delete. */
export function TimelineSection({ caseId, contacts }: TimelineSectionProps) {
  const [types, setTypes] = useState<EventType[]>([]);
  const [editing, setEditing] = useState<TimelineEvent | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TimelineEvent | null>(null);
  const { data, isLoading, error, refetch } = useEvents(caseId, types);
  const remove = useDeleteEvent();

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved('Event deleted');
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" align="flex-end" p="md" pb="sm" wrap="nowrap">
        <Title order={3} size="h4">
          Timeline
          {data && (
            <Text span c="dimmed" size="sm" fw={400} ml="xs">
              {data.length} {data.length === 1 ? 'event' : 'events'}
            </Text>
          )}
        </Title>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <MultiSelect
            label="Filter by type"
            placeholder={types.length ? undefined : 'All types'}
            data={EVENT_TYPE_GROUPS}
            value={types}
            onChange={(value) => setTypes(value as EventType[])}
            clearable
            searchable
            w={260}
            size="xs"
          />
          <Button onClick={() => setEditing('new')}>Add event</Button>
        </Group>
      </Group>
      <Divider />
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <EmptyState
            title={types.length ? 'No events of these types' : 'No events yet'}
            description={
              types.length
                ? 'Clear the type filter to see the whole timeline.'
                : 'Record every email, meeting, letter and decision as it happens. The dated timeline is what the deadlines and any complaint are built from.'
            }
            action={
              types.length ? undefined : (
                <Button variant="light" onClick={() => setEditing('new')}>
                  Add the first event
                </Button>
              )
            }
          />
        </div>
      )}
      {data && data.length > 0 && (
        <VirtualList
          items={data}
          getKey={(event) => event.id}
          label="Timeline events"
          renderItem={(event, itemProps) => (
            <>
              <EventRow
                event={event}
                itemProps={itemProps}
                contact={contacts.find((contact) => contact.id === event.contactId)}
                onEdit={() => setEditing(event)}
                onDelete={() => setDeleting(event)}
              />
            </>
          )}
        />
      )}
      {editing && <EventModal opened caseId={caseId} event={editing === 'new' ? null : editing} contacts={contacts} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete event"
        message={`Delete “${deleting?.title ?? ''}” from the timeline? This cannot be undone.`}
        confirmLabel="Delete event"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}
