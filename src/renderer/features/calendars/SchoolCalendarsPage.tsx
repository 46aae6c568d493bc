import { Button, Collapse, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SchoolCalendarRecord } from '@shared/domain/deadline-entities';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useDistrictOptions } from '../contacts/useContacts';
import { CalendarFormModal } from './CalendarFormModal';
import { ClosuresTable, GradingPeriodsTable } from './ClosuresTable';
import { ImportCalendarModal } from './ImportCalendarModal';
import { useDeleteSchoolCalendar, useSchoolCalendars } from './useSchoolCalendars';

function CalendarCard({ calendar, onEdit, onDelete }: { calendar: SchoolCalendarRecord; onEdit: () => void; onDelete: () => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const holidays = calendar.closures.filter((closure) => closure.kind === 'holiday').length;
  return (
    <Paper withBorder radius="md" p="md" data-testid="school-calendar">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {calendar.districtName} · {calendar.label}
          </Title>
          <Text size="sm" c="dimmed">
            {formatDate(calendar.firstDay)} – {formatDate(calendar.lastDay)} · {holidays} {holidays === 1 ? 'holiday' : 'holidays'},{' '}
            {calendar.closures.length - holidays} {calendar.closures.length - holidays === 1 ? 'break' : 'breaks'}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => setIsOpen((open) => !open)} aria-expanded={isOpen}>
            {isOpen ? 'Hide closures' : 'Show closures'}
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={onEdit}>
            Edit
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={onDelete}>
            Delete
          </Button>
        </Group>
      </Group>
      <Collapse expanded={isOpen}>
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <ClosuresTable closures={calendar.closures} label={`Closures of ${calendar.label}`} />
          <GradingPeriodsTable periods={calendar.gradingPeriods} label={`Grading periods of ${calendar.label}`} />
        </div>
      </Collapse>
    </Paper>
  );
}

/**
 * Each district's school years. Rules counted in school days (e.g. the 10-school-day
 * manifestation determination, 34 CFR 300.530(e)) are estimates until the district has one.
 */
export function SchoolCalendarsPage() {
  const districtOptions = useDistrictOptions();
  const [districtId, setDistrictId] = useState<string | null>(null);
  const { data, isLoading, error, refetch } = useSchoolCalendars(districtId ? Number(districtId) : null);
  const [editing, setEditing] = useState<SchoolCalendarRecord | 'new' | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const [deleting, setDeleting] = useState<SchoolCalendarRecord | null>(null);
  const remove = useDeleteSchoolCalendar();
  const defaultDistrictId = districtId ? Number(districtId) : null;

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved(`School year ${deleting.label} deleted`);
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <>
      <PageHeader
        title="School calendars"
        subtitle="First and last day, holidays and breaks per district: school-day deadlines count on these."
        actions={
          <>
            <Button variant="default" onClick={() => setIsImporting(true)}>
              Import CSV or .ics
            </Button>
            <Button onClick={() => setEditing('new')}>New school year</Button>
          </>
        }
      />
      <Paper withBorder radius="md" p="sm" mb="md">
        <Select label="District" placeholder="All districts" data={districtOptions} value={districtId} onChange={setDistrictId} clearable searchable w={300} />
      </Paper>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && (
        <EmptyState
          title="No school calendars"
          description="Without one, deadlines counted in school days are marked as estimates. Import the district’s calendar file or type the school year in."
          action={
            <Group gap="sm" justify="center">
              <Button variant="light" onClick={() => setIsImporting(true)}>
                Import a file
              </Button>
              <Button variant="default" onClick={() => setEditing('new')}>
                Enter by hand
              </Button>
            </Group>
          }
        />
      )}
      {data && data.length > 0 && (
        <Stack gap="sm">
          {data.map((calendar) => (
            <CalendarCard key={calendar.id} calendar={calendar} onEdit={() => setEditing(calendar)} onDelete={() => setDeleting(calendar)} />
          ))}
        </Stack>
      )}
      {editing && <CalendarFormModal calendar={editing === 'new' ? null : editing} defaultDistrictId={defaultDistrictId} onClose={() => setEditing(null)} />}
      {isImporting && <ImportCalendarModal defaultDistrictId={defaultDistrictId} onClose={() => setIsImporting(false)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete school year"
        message={`Delete ${deleting?.districtName ?? ''} ${deleting?.label ?? ''}? School-day deadlines of its district become estimates again.`}
        confirmLabel="Delete school year"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
