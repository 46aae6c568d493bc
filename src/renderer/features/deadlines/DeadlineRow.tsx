import { Badge, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { triggerTypeLabels } from '@shared/deadlines';
import { formatDate } from '../../lib/dates';
import { DeadlineActions } from './DeadlineActions';
import { DeadlineBadges } from './DeadlineBadges';
import { dueColor, dueLabel } from './deadline-labels';

interface DeadlineRowProps {
  item: DeadlineItem;
  onEdit: () => void;
  onDelete: () => void;
}

function StatusLine({ item }: { item: DeadlineItem }) {
  if (item.status === 'done') {
    return (
      <Text size="xs" c="teal.8">
        Done{item.completedAt ? ` ${formatDate(item.completedAt.slice(0, 10))}` : ''}
      </Text>
    );
  }
  if (item.snoozeReason) {
    return (
      <Text size="xs" c="dimmed">
        {item.status === 'snoozed' ? `Snoozed until ${formatDate(item.snoozedUntil)}` : `Was snoozed until ${formatDate(item.snoozedUntil)}`}: {item.snoozeReason}
      </Text>
    );
  }
  return null;
}

/** One deadline or task: when, what and why (rule, citation, trigger), its caveats and actions. */
export function DeadlineRow({ item, onEdit, onDelete }: DeadlineRowProps) {
  const [isExplained, setIsExplained] = useState(false);
  const { derived } = item;
  const isClosed = item.status !== 'open';
  return (
    <Group align="flex-start" wrap="nowrap" gap="md" py="sm" px="md" role="listitem" aria-label={item.title} data-testid="deadline-row" style={{ opacity: isClosed ? 0.7 : 1 }}>
      <Stack gap={2} w={124} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={600} ff="monospace">
          {item.dueDate ?? '—'}
        </Text>
        <Text size="xs" fw={600} c={dueColor(item)} data-testid="deadline-due-label">
          {isClosed ? (item.status === 'done' ? 'Done' : 'Snoozed') : dueLabel(item.daysUntil)}
        </Text>
      </Stack>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" data-testid="deadline-title" td={item.status === 'done' ? 'line-through' : undefined}>
            {item.title}
          </Text>
          {item.kind === 'manual' && (
            <Badge size="xs" color="teal" variant="light" tt="none">
              Task
            </Badge>
          )}
          <DeadlineBadges derived={derived} />
        </Group>
        {derived ? (
          <Text size="xs" c="dimmed">
            {derived.citation}
            {derived.federalCitation ? ` (implements ${derived.federalCitation})` : ''} · from the {triggerTypeLabels[derived.triggerType]} on{' '}
            {formatDate(derived.triggerDate)}
            {derived.movedFrom ? ` · moved from ${formatDate(derived.movedFrom)}` : ''}
          </Text>
        ) : (
          (item.owner || item.notes) && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {[item.owner ? `Owner: ${item.owner}` : null, item.notes].filter(Boolean).join(' · ')}
            </Text>
          )
        )}
        <StatusLine item={item} />
        {derived && (
          <>
            <Button variant="transparent" size="compact-xs" color="indigo" fw={500} px={0} w="fit-content" onClick={() => setIsExplained((open) => !open)} aria-expanded={isExplained}>
              {isExplained ? 'Hide how this date was counted' : 'How this date was counted'}
            </Button>
            <Collapse expanded={isExplained}>
              <Stack gap={4} p="xs" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
                <Text size="xs">{derived.explanation}</Text>
                {derived.notes.map((note) => (
                  <Text key={note} size="xs" c="dimmed">
                    {note}
                  </Text>
                ))}
              </Stack>
            </Collapse>
          </>
        )}
      </Stack>
      <DeadlineActions item={item}>
        {item.kind === 'manual' && (
          <>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={onEdit} aria-label={`Edit task ${item.title}`}>
              Edit
            </Button>
            <Button size="compact-xs" variant="subtle" color="gray" onClick={onDelete} aria-label={`Delete task ${item.title}`}>
              Delete
            </Button>
          </>
        )}
      </DeadlineActions>
    </Group>
  );
}
