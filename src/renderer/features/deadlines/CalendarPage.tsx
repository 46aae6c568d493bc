import { Button, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { callMethod } from '../../api/use-api';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { todayIso } from '../../lib/dates';
import { CalendarGrid } from './CalendarGrid';
import { entriesByDate, KIND_COLORS, KIND_LABELS, shiftAnchor, viewTitle, visibleDays, type CalendarItemKind, type CalendarView } from './calendar-grid';
import { ExportIcsModal } from './ExportIcsModal';
import { meetingTypeLabel } from './meeting-labels';

const VIEW_OPTIONS = [
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
];

function Legend() {
  return (
    <Group gap="md">
      {(Object.keys(KIND_COLORS) as CalendarItemKind[]).map((kind) => (
        <Group key={kind} gap={6}>
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${KIND_COLORS[kind]}-6)` }} />
          <Text size="xs" c="dimmed">
            {KIND_LABELS[kind]}
          </Text>
        </Group>
      ))}
      <Group gap={6}>
        <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: 'var(--mantine-color-red-6)' }} />
        <Text size="xs" c="dimmed">
          Overdue
        </Text>
      </Group>
    </Group>
  );
}

/** Deadlines, tasks and meetings of every open case on a month or week grid; view and date live in the URL. */
export function CalendarPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [isExporting, setIsExporting] = useState(false);
  const today = todayIso();
  const view: CalendarView = searchParams.get('view') === 'week' ? 'week' : 'month';
  const dateParam = searchParams.get('date');
  const anchor = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : today;
  const days = visibleDays(view, anchor);
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const { data, isLoading, error, refetch, isFetching } = useQuery({
    queryKey: ['calendar', from, to],
    queryFn: () => callMethod('deadlines.range', { from, to }),
    placeholderData: keepPreviousData,
  });
  const navigateTo = (next: { view?: CalendarView; date?: string }) =>
    setSearchParams({ view: next.view ?? view, date: next.date ?? anchor }, { replace: true });

  return (
    <>
      <PageHeader
        title="Calendar"
        subtitle="Open deadlines, tasks and meetings of every open case. Select an item to open its case."
        actions={<Button onClick={() => setIsExporting(true)}>Export .ics</Button>}
      />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" size="xs" onClick={() => navigateTo({ date: shiftAnchor(view, anchor, -1) })} aria-label={`Previous ${view}`}>
              ‹
            </Button>
            <Button variant="default" size="xs" onClick={() => navigateTo({ date: today })}>
              Today
            </Button>
            <Button variant="default" size="xs" onClick={() => navigateTo({ date: shiftAnchor(view, anchor, 1) })} aria-label={`Next ${view}`}>
              ›
            </Button>
            <Title order={3} size="h4" ml="sm" aria-live="polite">
              {viewTitle(view, days)}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Legend />
            <SegmentedControl
              size="xs"
              data={VIEW_OPTIONS}
              value={view}
              onChange={(value) => navigateTo({ view: value as CalendarView })}
              aria-label="Calendar view"
            />
          </Group>
        </Group>
        <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
        {data && (
          <div style={{ opacity: isFetching ? 0.7 : 1 }}>
            <CalendarGrid view={view} days={days} anchor={anchor} today={today} entries={entriesByDate(data, meetingTypeLabel)} />
          </div>
        )}
      </Paper>
      {isExporting && <ExportIcsModal onClose={() => setIsExporting(false)} />}
    </>
  );
}
