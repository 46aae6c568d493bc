import { Badge, Table, Text } from '@mantine/core';
import type { SchoolCalendarRecord } from '@shared/domain/deadline-entities';
import { formatDate } from '../../lib/dates';

type Closure = SchoolCalendarRecord['closures'][number];

/** Holidays close everything (no business day either); breaks close school only. */
export function ClosureKindBadge({ kind }: { kind: Closure['kind'] }) {
  return (
    <Badge size="xs" variant="light" color={kind === 'holiday' ? 'red' : 'blue'} tt="none">
      {kind === 'holiday' ? 'Holiday' : 'Break'}
    </Badge>
  );
}

export function ClosuresTable({ closures, label }: { closures: Closure[]; label: string }) {
  if (closures.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No holidays or breaks.
      </Text>
    );
  }
  return (
    <Table aria-label={label} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>From</Table.Th>
          <Table.Th w={130}>Through</Table.Th>
          <Table.Th>Label</Table.Th>
          <Table.Th w={90}>Kind</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {closures.map((closure) => (
          <Table.Tr key={`${closure.start}:${closure.label}`}>
            <Table.Td>{formatDate(closure.start)}</Table.Td>
            <Table.Td>
              {closure.end === closure.start ? (
                <Text span c="dimmed" size="sm">
                  same day
                </Text>
              ) : (
                formatDate(closure.end)
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate title={closure.label}>
                {closure.label}
              </Text>
            </Table.Td>
            <Table.Td>
              <ClosureKindBadge kind={closure.kind} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type GradingPeriod = SchoolCalendarRecord['gradingPeriods'][number];

/** The school year's grading periods, which 'same grading period' make-up clauses count on. */
export function GradingPeriodsTable({ periods, label }: { periods: GradingPeriod[]; label: string }) {
  if (periods.length === 0) return null;
  return (
    <Table aria-label={label} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>From</Table.Th>
          <Table.Th w={130}>Through</Table.Th>
          <Table.Th>Grading period</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {periods.map((period) => (
          <Table.Tr key={`${period.start}:${period.label}`}>
            <Table.Td>{formatDate(period.start)}</Table.Td>
            <Table.Td>{formatDate(period.end)}</Table.Td>
            <Table.Td>{period.label}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
