import { Button, Group, Paper, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { District } from '@shared/domain/entities';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { DistrictModal } from './DistrictModal';
import { useDistricts } from '../contacts/useContacts';

export function DistrictsPanel() {
  const { data, isLoading, error, refetch } = useDistricts();
  const [editing, setEditing] = useState<District | 'new' | null>(null);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          School districts your students attend. A district’s state sets which state rules apply by default.
        </Text>
        <Button onClick={() => setEditing('new')}>New district</Button>
      </Group>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && (
        <EmptyState title="No districts yet" description="Add the districts your families deal with, so cases and contacts can be filtered by district." />
      )}
      {data && data.length > 0 && (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table highlightOnHover aria-label="Districts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>District</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((district) => (
                <Table.Tr key={district.id}>
                  <Table.Td fw={600}>{district.name}</Table.Td>
                  <Table.Td>{district.state ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setEditing(district)} aria-label={`Edit ${district.name}`}>
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <DistrictModal opened district={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
