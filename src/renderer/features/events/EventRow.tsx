import { Badge, Button, Group, Spoiler, Stack, Text } from '@mantine/core';
import type { Contact, TimelineEvent } from '@shared/domain/entities';
import { EVENT_TYPE_LABELS } from '@shared/domain/vocabulary';
import { formatDate } from '../../lib/dates';
import { isTriggerEvent } from '../../lib/labels';
import type { VirtualItemProps } from '../../components/VirtualTableBody';

interface EventRowProps {
  event: TimelineEvent;
  contact: Contact | undefined;
  onEdit: () => void;
  onDelete: () => void;
  /** Its place in the whole list (the list renders only the items in view). */
  itemProps?: VirtualItemProps;
}

/** One timeline entry: date, type, title, who, and the details (long ones fold). */
export function EventRow({ event, contact, onEdit, onDelete, itemProps }: EventRowProps) {
  const isTrigger = isTriggerEvent(event.type);
  const people = [event.people, contact?.name].filter(Boolean).join(' · ');
  return (
    <Group
      align="flex-start"
      wrap="nowrap"
      gap="md"
      py="sm"
      px="md"
      data-testid="timeline-event"
      aria-label={`${event.occurredOn} ${event.title}`}
      role="listitem"
      {...itemProps}
    >
      <Stack gap={2} w={108} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={600} ff="monospace" data-testid="event-date">
          {event.occurredOn}
        </Text>
        <Text size="xs" c="dimmed">
          {formatDate(event.occurredOn)}
        </Text>
      </Stack>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge
            size="sm"
            radius="sm"
            variant={isTrigger ? 'filled' : 'light'}
            color={isTrigger ? 'orange' : 'gray'}
            tt="none"
            fw={600}
            style={{ flexShrink: 0, marginTop: 2 }}
          >
            {EVENT_TYPE_LABELS[event.type]}
          </Badge>
          <Text fw={600} size="sm" data-testid="event-title" style={{ overflowWrap: 'anywhere' }}>
            {event.title}
          </Text>
        </Group>
        {people && (
          <Text size="xs" c="dimmed">
            {people}
          </Text>
        )}
        {event.details && (
          <Spoiler maxHeight={44} showLabel="Show more" hideLabel="Show less" fz="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {event.details}
            </Text>
          </Spoiler>
        )}
      </Stack>
      <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onEdit} aria-label={`Edit event ${event.title}`}>
          Edit
        </Button>
        <Button size="compact-xs" variant="subtle" color="gray" onClick={onDelete} aria-label={`Delete event ${event.title}`}>
          Delete
        </Button>
      </Group>
    </Group>
  );
}
