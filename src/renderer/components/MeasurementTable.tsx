import { Button, Table } from '@mantine/core';
import { formatNumber } from '@shared/format';
import type { ReactNode } from 'react';
import { formatDate } from '../lib/dates';

interface MeasuredEntry {
  id: number;
  measuredOn: string;
  value: number;
  note: string | null;
}

interface MeasurementTableProps<T extends MeasuredEntry> {
  /** The table's accessible name. */
  label: string;
  /** The value column's header (the goal's or trial's measure). */
  valueHeader: string;
  entries: readonly T[];
  /** Columns between the value and the note (a goal's source and district rating). */
  extraColumns?: readonly { header: string; cell: (entry: T) => ReactNode }[];
  /** The Delete button's accessible name for an entry. */
  deleteLabel: (entry: T) => string;
  onDelete: (entry: T) => void;
}

/** Dated measurements with their value and note, each with Delete: a goal's progress, a trial's data. */
export function MeasurementTable<T extends MeasuredEntry>({ label, valueHeader, entries, extraColumns = [], deleteLabel, onDelete }: MeasurementTableProps<T>) {
  return (
    <Table fz="sm" verticalSpacing={2} mt="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Date</Table.Th>
          <Table.Th ta="right">{valueHeader}</Table.Th>
          {extraColumns.map((column) => (
            <Table.Th key={column.header}>{column.header}</Table.Th>
          ))}
          <Table.Th>Note</Table.Th>
          <Table.Th aria-label="Actions" />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>{formatDate(entry.measuredOn)}</Table.Td>
            <Table.Td ta="right">{formatNumber(entry.value)}</Table.Td>
            {extraColumns.map((column) => (
              <Table.Td key={column.header}>{column.cell(entry)}</Table.Td>
            ))}
            <Table.Td>{entry.note ?? ''}</Table.Td>
            <Table.Td>
              <Button size="compact-xs" variant="subtle" color="red" aria-label={deleteLabel(entry)} onClick={() => onDelete(entry)}>
                Delete
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
