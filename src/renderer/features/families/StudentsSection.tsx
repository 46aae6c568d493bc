import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Student } from '@shared/domain/entities';
import { formatDate } from '../../lib/dates';
import { useDistricts } from '../contacts/useContacts';
import { StudentModal } from './FamilyModals';

interface StudentsSectionProps {
  familyId: number;
  students: Student[];
  onOpenCase: (student: Student) => void;
  onRemove: (student: Student) => void;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <Text size="xs">
      <Text span c="dimmed" size="xs">
        {label}:{' '}
      </Text>
      {value}
    </Text>
  );
}

export function StudentsSection({ familyId, students, onOpenCase, onRemove }: StudentsSectionProps) {
  const [editing, setEditing] = useState<Student | 'new' | null>(null);
  const { data: districts } = useDistricts();
  const districtName = (id: number | null) => districts?.find((district) => district.id === id)?.name ?? null;

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Students
        </Title>
        <Button size="xs" variant="light" onClick={() => setEditing('new')}>
          Add student
        </Button>
      </Group>
      {students.length === 0 ? (
        <Text size="sm" c="dimmed">
          No students yet. Add the child you are advocating for, then open a case.
        </Text>
      ) : (
        <Stack gap="xs">
          {students.map((student) => {
            const name = `${student.firstName} ${student.lastName}`;
            return (
              <Paper
                key={student.id}
                withBorder
                radius="sm"
                p="sm"
                bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))"
                aria-label={`Student ${name}`}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Text fw={600}>{name}</Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} verticalSpacing={2}>
                      <Fact label="Born" value={formatDate(student.dateOfBirth)} />
                      <Fact label="Grade" value={student.grade} />
                      <Fact label="School" value={student.school} />
                      <Fact label="District" value={districtName(student.districtId)} />
                      <Fact label="Eligibility" value={student.eligibilityCategory} />
                      <Fact label="IEP meeting" value={formatDate(student.iepMeetingOn)} />
                      <Fact label="Annual review due" value={formatDate(student.annualReviewDueOn)} />
                      <Fact label="Triennial due" value={formatDate(student.triennialDueOn)} />
                      {student.iepDatesSource && (
                        <Fact
                          label="IEP dates"
                          value={student.iepDatesSource === 'facts' ? 'from the case timeline' : 'typed on the student record (no IEP meeting recorded yet)'}
                        />
                      )}
                    </SimpleGrid>
                  </Stack>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => onOpenCase(student)} aria-label={`Open a case for ${name}`}>
                      Open a case
                    </Button>
                    <Button size="xs" variant="subtle" color="gray" onClick={() => setEditing(student)} aria-label={`Edit ${name}`}>
                      Edit
                    </Button>
                    <Button size="xs" variant="subtle" color="gray" onClick={() => onRemove(student)} aria-label={`Remove ${name}`}>
                      Remove
                    </Button>
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      {editing && <StudentModal opened familyId={familyId} student={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
