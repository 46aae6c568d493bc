import { Alert, Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatMinutes } from '@shared/format';
import { timeReportInput, type TimeReport } from '@shared/domain/time-entries';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate, todayIso } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { validateWith } from '../../lib/validate';
import { exportToFile } from '../../lib/save-file';
import { useFamilyList } from '../families/useFamilies';
import { familyLabel } from '../../components/FamilyName';
import { useTimeReport } from './useTime';

function ReportTables({ report }: { report: TimeReport }) {
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" component="section" aria-label="Entries">
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>Date</Table.Th>
              <Table.Th w={220}>Case</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={80}>Billable</Table.Th>
              <Table.Th w={80} ta="right">
                Time
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={row.entryId} data-testid="report-row">
                <Table.Td>{formatDate(row.workedOn)}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${row.caseId}?tab=time`} size="sm">
                    {row.studentName}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {row.caseTitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {row.description ?? (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{row.isBillable ? 'Yes' : 'No'}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatMinutes(row.minutes)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder radius="md" component="section" aria-label="Totals by case">
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Totals by case</Table.Th>
              <Table.Th w={120} ta="right">
                Billable
              </Table.Th>
              <Table.Th w={120} ta="right">
                Total
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byCase.map((total) => (
              <Table.Tr key={total.caseId}>
                <Table.Td>
                  {total.studentName} · {total.caseTitle}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatMinutes(total.billableMinutes)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatMinutes(total.minutes)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700} data-testid="report-total">
              <Table.Td>All cases</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatMinutes(report.billableMinutes)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatMinutes(report.totalMinutes)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** Time per family and date range, as a table here and as CSV or PDF to send or bill from. */
export function TimeReportPage() {
  const families = useFamilyList('');
  const [familyId, setFamilyId] = useState<string | null>(null);
  const [from, setFrom] = useState(dayjs().startOf('month').format('YYYY-MM-DD'));
  const [to, setTo] = useState(todayIso());
  const [exporting, setExporting] = useState<'csv' | 'pdf' | null>(null);
  const validation = validateWith(timeReportInput, { familyId: familyId ? Number(familyId) : undefined, from, to });
  const input = validation.isValid ? validation.data : null;
  const errors = validation.isValid ? {} : validation.errors;
  const report = useTimeReport(input);

  async function exportAs(format: 'csv' | 'pdf') {
    if (!input) return;
    setExporting(format);
    try {
      const file = await exportToFile(format === 'csv' ? 'time.exportCsv' : 'time.exportPdf', input);
      if (file.savedPath) notifySaved(`${file.fileName} saved to ${file.savedPath}`);
    } catch (error) {
      notifyFailed(error, 'Could not export the report');
    } finally {
      setExporting(null);
    }
  }

  const hasRows = (report.data?.rows.length ?? 0) > 0;
  return (
    <>
      <PageHeader
        title="Time report"
        subtitle="Finished time entries of one family's cases in a date range."
        actions={
          <>
            <Button variant="default" onClick={() => void exportAs('csv')} loading={exporting === 'csv'} disabled={!hasRows}>
              Export CSV
            </Button>
            <Button variant="default" onClick={() => void exportAs('pdf')} loading={exporting === 'pdf'} disabled={!hasRows}>
              Export PDF
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Family"
              placeholder="Choose a family"
              data={(families.data ?? []).map((family) => ({
                value: String(family.id),
                label: family.hint
                  ? familyLabel(family.name, family.hint)
                  : family.studentNames.length
                    ? `${family.name} (${family.studentNames.join(', ')})`
                    : family.name,
              }))}
              value={familyId}
              onChange={setFamilyId}
              searchable
              data-autofocus
            />
            <DateField label="From" value={from} onChange={(value) => setFrom(String(value ?? ''))} error={from ? errors.from : undefined} />
            <DateField label="To" value={to} onChange={(value) => setTo(String(value ?? ''))} error={to ? errors.to : undefined} />
          </SimpleGrid>
        </Paper>
        <Alert variant="light" color="yellow" title="Exports leave the encrypted vault">
          A CSV or PDF is saved as an ordinary, unencrypted file with the family's and students' names and what was done. Keep it somewhere safe and delete it
          when it is no longer needed.
        </Alert>
        {!input ? (
          <EmptyState
            title="Choose a family and a date range"
            description="The report lists each finished entry and totals per case; a timer still running is counted once stopped."
          />
        ) : !report.data ? (
          <QueryState isLoading={report.isLoading} error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <>
            <Group justify="space-between">
              <Title order={3} size="h4">
                {familyLabel(report.data.familyName, families.data?.find((family) => family.id === report.data.familyId)?.hint)} ·{' '}
                {formatDate(report.data.from)} – {formatDate(report.data.to)}
              </Title>
              <Text size="sm">
                Total <b>{formatMinutes(report.data.totalMinutes)}</b> · billable <b>{formatMinutes(report.data.billableMinutes)}</b>
              </Text>
            </Group>
            {hasRows ? (
              <ReportTables report={report.data} />
            ) : (
              <EmptyState title="No time in this range" description="Choose a wider range, or record time on the family's cases." />
            )}
          </>
        )}
      </Stack>
    </>
  );
}
