import { Anchor, Badge, Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Guardian, Student } from '@shared/domain/entities';
import { formatCount } from '@shared/format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { CaseFormModal } from '../cases/CaseFormModal';
import { CaseTable } from '../cases/CaseTable';
import { SettingsCard } from '../settings/SettingsCard';
import { ExportFamilyModal } from './ExportFamilyModal';
import { FamilyEditModal } from './FamilyModals';
import { GuardiansSection } from './GuardiansSection';
import { PurgeFamilyModal } from './PurgeFamilyModal';
import { StudentsSection } from './StudentsSection';
import { useDeleteGuardian, useDeleteStudent, useFamily } from './useFamilies';

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {value || '—'}
      </Text>
    </Stack>
  );
}

type Removal = { kind: 'guardian'; item: Guardian } | { kind: 'student'; item: Student };

export function FamilyPage() {
  const id = Number(useParams().id);
  const { data, isLoading, error, refetch } = useFamily(id);
  const [isEditing, setIsEditing] = useState(false);
  const [caseStudent, setCaseStudent] = useState<Student | null>(null);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [isExporting, setIsExporting] = useState(false);
  const [isPurging, setIsPurging] = useState(false);
  const deleteGuardian = useDeleteGuardian();
  const deleteStudent = useDeleteStudent();

  if (!data) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const { family, guardians, students, cases } = data;

  async function confirmRemoval() {
    if (!removal) return;
    try {
      if (removal.kind === 'guardian') await deleteGuardian.mutateAsync({ id: removal.item.id });
      else await deleteStudent.mutateAsync({ id: removal.item.id });
      notifySaved(removal.kind === 'guardian' ? `${removal.item.name} removed` : `${removal.item.firstName} ${removal.item.lastName} removed`);
      setRemoval(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <>
      <PageHeader
        above={
          <Anchor underline="hover" component={Link} to="/families" size="sm">
            ← Families
          </Anchor>
        }
        title={family.name}
        subtitle={`${formatCount(students.length, 'student')} · ${formatCount(cases.filter((item) => !item.archivedAt).length, 'open case')}`}
        actions={
          <>
            <Button variant="default" onClick={() => setIsExporting(true)}>
              Export family…
            </Button>
            <Button variant="default" onClick={() => setIsEditing(true)}>
              Edit family
            </Button>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="md">
            <Title order={3} size="h5" mb="sm">
              Family details
            </Title>
            <Stack gap="xs">
              <Detail label="Email" value={family.email} />
              <Detail label="Phone" value={family.phone} />
              <Detail label="Address" value={family.address} />
              <Detail label="Primary language" value={family.primaryLanguage} />
              <Group grow>
                <Detail label="Engaged on" value={formatDate(family.engagedOn)} />
                <Detail label="Consent received" value={formatDate(family.consentOn)} />
              </Group>
              {family.notes && <Detail label="Notes" value={family.notes} />}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <GuardiansSection familyId={family.id} guardians={guardians} onRemove={(item) => setRemoval({ kind: 'guardian', item })} />
            <StudentsSection familyId={family.id} students={students} onOpenCase={setCaseStudent} onRemove={(item) => setRemoval({ kind: 'student', item })} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="space-between" mt="xl" mb="sm">
        <Title order={3} size="h4">
          Cases
        </Title>
        {cases.some((item) => item.archivedAt) && (
          <Badge variant="light" color="gray">
            Includes archived
          </Badge>
        )}
      </Group>
      {cases.length === 0 ? (
        <EmptyState
          title="No cases for this family yet"
          description={students.length ? 'Use “Open a case” next to a student to start their timeline.' : 'Add a student first, then open a case for them.'}
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <CaseTable cases={cases} showFamily={false} />
        </Paper>
      )}

      <Box mt="xl">
        <SettingsCard
          title="Danger zone"
          color="red"
          description="Purging removes this family and everything recorded about it, permanently. Only its id stays in the audit log."
          actions={
            <Button color="red" variant="outline" onClick={() => setIsPurging(true)}>
              Purge family…
            </Button>
          }
        />
      </Box>

      <FamilyEditModal family={family} opened={isEditing} onClose={() => setIsEditing(false)} />
      <ExportFamilyModal familyId={family.id} familyName={family.name} opened={isExporting} onClose={() => setIsExporting(false)} />
      <PurgeFamilyModal familyId={family.id} familyName={family.name} opened={isPurging} onClose={() => setIsPurging(false)} />
      {caseStudent && <CaseFormModal opened student={caseStudent} record={null} onClose={() => setCaseStudent(null)} />}
      <ConfirmDialog
        opened={removal !== null}
        title={removal?.kind === 'student' ? 'Remove student' : 'Remove guardian'}
        message={
          removal?.kind === 'student'
            ? `Remove ${removal.item.firstName} ${removal.item.lastName}? Their cases and timelines are deleted too. This cannot be undone.`
            : `Remove ${removal?.item.name ?? ''} from this family?`
        }
        confirmLabel="Remove"
        isPending={deleteGuardian.isPending || deleteStudent.isPending}
        onConfirm={() => void confirmRemoval()}
        onClose={() => setRemoval(null)}
      />
    </>
  );
}
