import { Badge, Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { formatDate } from '../../lib/dates';
import { DeadlineActions } from './DeadlineActions';
import { DeadlineBadges } from './DeadlineBadges';
import { dueColor, stateLabel } from './deadline-labels';

interface DeadlineRowProps {
  item: DeadlineItem;
  onEdit: () => void;
  onDelete: () => void;
}

function StatusLine({ item }: { item: DeadlineItem }) {
  if (item.status === 'done') {
    const source = item.statusSource === 'fact' && item.derived?.closedBy ? ` · closed by the ${item.derived.closedBy.label}` : '';
    return (
      <Text size="xs" c="teal" data-testid="deadline-status">
        {item.kind === 'manual' ? 'Done' : 'Met'}
        {item.metOn ? ` ${formatDate(item.metOn)}` : ''}
        {item.timeliness ? ` (${item.timeliness.text.replace(/^met /, '')})` : ''}
        {source}
      </Text>
    );
  }
  if (item.status === 'missed' || item.status === 'waived' || item.status === 'vacated') {
    const closedBy = item.statusSource === 'fact' && item.derived?.closedBy ? ` (${item.derived.closedBy.label})` : '';
    return (
      <Text size="xs" c={item.status === 'missed' ? 'red' : 'dimmed'} data-testid="deadline-status">
        {item.status === 'missed' ? 'Missed' : item.status === 'waived' ? 'Waived' : 'Vacated'}
        {closedBy}
        {item.outcomeReason ? `: ${item.outcomeReason}` : ''}
      </Text>
    );
  }
  if (item.snoozeReason) {
    return (
      <Text size="xs" c="dimmed">
        {item.status === 'snoozed' ? `Snoozed until ${formatDate(item.snoozedUntil)}` : `Was snoozed until ${formatDate(item.snoozedUntil)}`}:{' '}
        {item.snoozeReason}
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
  const isStruck = item.status === 'done' || item.status === 'vacated' || item.status === 'waived';
  return (
    <Group
      align="flex-start"
      wrap="nowrap"
      gap="md"
      py="sm"
      px="md"
      role="listitem"
      aria-label={item.title}
      data-testid="deadline-row"
      style={{ opacity: isClosed ? 0.7 : 1 }}
    >
      <Stack gap={2} w={124} style={{ flexShrink: 0 }}>
        {/* Read as every other date in the app; the ISO date stays on the element for machines. */}
        <Text size="sm" fw={600} component="time" dateTime={item.dueDate ?? undefined} data-testid="deadline-date">
          {item.dueDate ? formatDate(item.dueDate) : '—'}
        </Text>
        <Text size="xs" fw={600} c={dueColor(item)} data-testid="deadline-due-label">
          {stateLabel(item)}
        </Text>
      </Stack>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm" data-testid="deadline-title" td={isStruck ? 'line-through' : undefined}>
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
          <>
            <Text size="xs" c="dimmed">
              {derived.period} · {derived.citation}
              {derived.federalCitation ? ` (implements ${derived.federalCitation})` : ''}
              {derived.verification !== 'verified' ? ` · ${derived.verification}` : ''}
              {derived.movedFrom ? ` · moved from ${formatDate(derived.movedFrom)}` : ''}
            </Text>
            <Text size="xs" data-testid="deadline-counts-from">
              Counts from the {derived.countsFrom}
              {derived.isKindUnconfirmed && (
                <Badge ml={6} size="xs" color="orange" variant="light" tt="none">
                  kind unconfirmed
                </Badge>
              )}
            </Text>
            <Text size="xs" c="dimmed" data-testid="deadline-changed-by">
              {derived.changedBy}
            </Text>
          </>
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
            <Button
              variant="transparent"
              size="compact-xs"
              color="indigo"
              fw={500}
              px={0}
              w="fit-content"
              onClick={() => setIsExplained((open) => !open)}
              aria-expanded={isExplained}
            >
              {isExplained ? 'Hide how this date was counted' : 'How this date was counted'}
            </Button>
            <Collapse expanded={isExplained}>
              <Stack
                gap={4}
                p="xs"
                bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
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
