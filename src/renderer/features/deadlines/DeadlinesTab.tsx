import { Alert, Anchor, Badge, Button, Divider, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { formatCount } from '@shared/format';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { DeadlineItem } from '@shared/domain/deadline-entities';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { ClaimsPanel } from '../claims/ClaimsPanel';
import { DeadlineRow } from './DeadlineRow';
import { FactReviewList } from './FactReviewList';
import { TaskModal } from './TaskModal';
import { useCaseDeadlines, useDeleteTask } from './useDeadlines';

type Show = 'open' | 'closed' | 'all';
const SHOW_OPTIONS = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Met & closed' },
  { value: 'all', label: 'All' },
];

function matches(item: DeadlineItem, show: Show): boolean {
  if (show === 'all') return true;
  return show === 'open' ? item.status === 'open' : item.status !== 'open';
}

/** The case's deadlines (derived from its trigger events under its jurisdiction) and its own tasks. */
export function DeadlinesTab({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useCaseDeadlines(caseId);
  const [show, setShow] = useState<Show>('open');
  const [editing, setEditing] = useState<DeadlineItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<DeadlineItem | null>(null);
  const remove = useDeleteTask();

  async function confirmDelete() {
    if (!deleting?.taskId) return;
    try {
      await remove.mutateAsync({ id: deleting.taskId });
      notifySaved('Task deleted');
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  const items = data?.items.filter((item) => matches(item, show)) ?? [];
  const openCount = data?.items.filter((item) => item.status === 'open').length ?? 0;
  const hasSchoolDayEstimate = data?.items.some((item) => item.derived?.isEstimate) ?? false;

  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" align="flex-end" p="md" pb="sm" wrap="wrap" gap="sm">
        <div>
          <Title order={3} size="h4">
            Deadlines & tasks
            {data && (
              <Text span c="dimmed" size="sm" fw={400} ml="xs">
                {formatCount(openCount, 'open item')}
              </Text>
            )}
          </Title>
          {data && (
            <Group gap={6} mt={4}>
              <Text size="xs" c="dimmed">
                Rules: {data.jurisdiction.name}
              </Text>
              {!data.jurisdiction.isVerified && (
                <Badge size="xs" color="red" variant="outline" tt="none">
                  Verify
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                ·{' '}
                {data.calendar
                  ? `School calendar ${formatDate(data.calendar.firstDay)} – ${formatDate(data.calendar.lastDay)}`
                  : 'No school calendar for this district'}
              </Text>
            </Group>
          )}
        </div>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl size="xs" data={SHOW_OPTIONS} value={show} onChange={(value) => setShow(value as Show)} aria-label="Which deadlines to show" />
          <Button onClick={() => setEditing('new')}>Add task</Button>
        </Group>
      </Group>
      {data && !data.calendar && hasSchoolDayEstimate && (
        <Alert color="yellow" variant="light" mx="md" mb="sm" title="Some dates are estimates">
          Rules counted in school days need the district’s school calendar.{' '}
          <Anchor component={Link} to="/calendars" size="sm">
            Add the school calendar
          </Anchor>{' '}
          to make them exact.
        </Alert>
      )}
      {data && <FactReviewList facts={data.unconfirmedFacts} />}
      {data?.flags.map((flag) => (
        <Alert key={flag} color="blue" variant="light" mx="md" mb="sm">
          {flag}
        </Alert>
      ))}
      {data?.removalYears.map((year) => (
        <Alert
          key={year.schoolYear}
          color={year.isOverThreshold ? 'red' : 'gray'}
          variant="light"
          mx="md"
          mb="sm"
          title={`Removals ${year.schoolYear}: ${year.schoolDays} of ${year.threshold} school days`}
          data-testid="removal-count"
        >
          {year.flag ??
            `${year.removals} ${year.removals === 1 ? 'removal' : 'removals'} this school year; services are owed from day ${year.threshold + 1} (34 CFR 300.530(d)(4)).`}
          {year.uncounted > 0 ? ` ${year.uncounted} removal(s) have no school-day count yet.` : ''}
        </Alert>
      ))}
      <Divider />
      <ClaimsPanel caseId={caseId} />
      <Divider />
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && items.length === 0 && (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <EmptyState
            title={show === 'closed' ? 'Nothing met or closed yet' : 'No open deadlines'}
            description={
              show === 'closed'
                ? 'Deadlines met (by you or by a recorded fact), missed, waived, vacated or snoozed are listed here.'
                : 'Deadlines appear when the timeline has an event that starts a clock (consent to evaluate, records request, IEP meeting, due process filed...) or an IEE request. Add your own tasks too.'
            }
          />
        </div>
      )}
      {items.length > 0 && (
        <div role="list" className="row-list" aria-label="Deadlines and tasks">
          {items.map((item) => (
            <Fragment key={item.key}>
              <DeadlineRow item={item} onEdit={() => setEditing(item)} onDelete={() => setDeleting(item)} />
            </Fragment>
          ))}
        </div>
      )}
      {editing && <TaskModal caseId={caseId} task={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete task"
        message={`Delete the task “${deleting?.title ?? ''}”? This cannot be undone.`}
        confirmLabel="Delete task"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}
