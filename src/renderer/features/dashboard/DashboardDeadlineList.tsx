import { Anchor, Button, Divider, Group, Stack, Text } from '@mantine/core';
import { Fragment, memo, useState } from 'react';
import { Link } from 'react-router';
import type { DashboardDeadlineItem } from '@shared/domain/deadline-entities';
import { formatDate } from '../../lib/dates';
import { DeadlineActions } from '../deadlines/DeadlineActions';
import { DeadlineBadges } from '../deadlines/DeadlineBadges';
import { dueColor, stateLabel } from '../deadlines/deadline-labels';
import { SectionEmpty } from './DashboardSection';

/** Long lists fold: the first few are what gets done today. */
const FOLDED_LENGTH = 8;

function DashboardDeadlineRow({ item }: { item: DashboardDeadlineItem }) {
  return (
    <Group
      wrap="nowrap"
      gap="md"
      px="md"
      py={10}
      align="flex-start"
      role="listitem"
      aria-label={`${item.title}, ${item.case.studentName}`}
      data-testid="dashboard-deadline"
    >
      <Stack gap={0} w={118} style={{ flexShrink: 0 }}>
        <Text size="sm" fw={600}>
          {formatDate(item.dueDate)}
        </Text>
        <Text size="xs" fw={600} c={dueColor(item)}>
          {stateLabel(item)}
        </Text>
      </Stack>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600} data-testid="dashboard-deadline-title">
            {item.title}
          </Text>
          <DeadlineBadges derived={item.derived} />
        </Group>
        <Text size="xs" c="dimmed" truncate>
          <Anchor component={Link} to={`/cases/${item.caseId}?tab=deadlines`} size="xs" fw={600}>
            {item.case.studentName}
          </Anchor>
          {' · '}
          {item.case.caseTitle}
          {item.derived ? ` · ${item.derived.citation}` : ' · task'}
        </Text>
        {item.derived && (
          <Text size="xs" c="dimmed" truncate>
            Counts from the {item.derived.countsFrom}
          </Text>
        )}
      </Stack>
      <DeadlineActions item={item} />
    </Group>
  );
}

interface DashboardDeadlineListProps {
  items: DashboardDeadlineItem[];
  emptyText: string;
  label: string;
}

export const DashboardDeadlineList = memo(function DashboardDeadlineList({ items, emptyText, label }: DashboardDeadlineListProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  if (items.length === 0) return <SectionEmpty>{emptyText}</SectionEmpty>;
  const shown = isExpanded ? items : items.slice(0, FOLDED_LENGTH);
  return (
    <>
      <div role="list" className="row-list" aria-label={label}>
        {shown.map((item) => (
          <Fragment key={`${item.caseId}:${item.key}`}>
            <DashboardDeadlineRow item={item} />
          </Fragment>
        ))}
      </div>
      {items.length > FOLDED_LENGTH && (
        <>
          <Divider color="gray.2" />
          <Button variant="subtle" size="xs" fullWidth radius={0} onClick={() => setIsExpanded((expanded) => !expanded)}>
            {isExpanded ? 'Show fewer' : `Show all ${items.length}`}
          </Button>
        </>
      )}
    </>
  );
});
