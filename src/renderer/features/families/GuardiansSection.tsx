import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Guardian } from '@shared/domain/entities';
import { GuardianModal } from './FamilyModals';

interface GuardiansSectionProps {
  familyId: number;
  guardians: Guardian[];
  onRemove: (guardian: Guardian) => void;
}

export function GuardiansSection({ familyId, guardians, onRemove }: GuardiansSectionProps) {
  const [editing, setEditing] = useState<Guardian | 'new' | null>(null);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Guardians
        </Title>
        <Button size="xs" variant="light" onClick={() => setEditing('new')}>
          Add guardian
        </Button>
      </Group>
      {guardians.length === 0 ? (
        <Text size="sm" c="dimmed">
          No guardians yet. Add the parent or guardian who holds educational rights.
        </Text>
      ) : (
        <Table aria-label="Guardians" verticalSpacing={4}>
          <Table.Tbody>
            {guardians.map((guardian) => (
              <Table.Tr key={guardian.id}>
                <Table.Td fw={600}>
                  {guardian.name}
                  {guardian.isPrimary && (
                    <Badge ml="xs" size="xs" variant="light">
                      Primary
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td c="dimmed">{guardian.relationship}</Table.Td>
                <Table.Td>{guardian.email}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{guardian.phone}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setEditing(guardian)} aria-label={`Edit ${guardian.name}`}>
                    Edit
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onRemove(guardian)} aria-label={`Remove ${guardian.name}`}>
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <GuardianModal opened familyId={familyId} guardian={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
