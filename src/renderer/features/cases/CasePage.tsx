import { Anchor, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { StageBadge } from '../../components/StageBadge';
import { formatDate } from '../../lib/dates';
import { jurisdictionLabel } from '../../lib/labels';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { CaseAgreementsTab } from '../agreements/CaseAgreementsTab';
import { ConsentPanel } from '../consents/ConsentPanel';
import { GoalsTab } from '../ieps/GoalsTab';
import { TrialsTab } from '../trials/TrialsTab';
import { BinderAndLettersMenu } from '../bundles/BinderAndLettersMenu';
import { DeadlinesTab } from '../deadlines/DeadlinesTab';
import { EscalationTab } from '../escalation/EscalationTab';
import { useRecordOpened } from '../escalation/useRecordOpened';
import { CaseDocumentsTab } from '../documents/CaseDocumentsTab';
import { IeeTab } from '../iee/IeeTab';
import { MeetingsTab } from '../meetings/MeetingsTab';
import { CaseTimeTab } from '../time/CaseTimeTab';
import { CaseTimerButton } from '../time/TimerControls';
import { TimelineSection } from '../events/TimelineSection';
import { CaseContacts } from './CaseContacts';
import { CaseFormModal } from './CaseFormModal';
import { useCase, useSetCaseArchived } from './useCases';

export function CasePage() {
  const id = Number(useParams().id);
  const { data, isLoading, error, refetch } = useCase(id);
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingArchive, setIsConfirmingArchive] = useState(false);
  const setArchived = useSetCaseArchived();
  const [searchParams, setSearchParams] = useSearchParams();
  useRecordOpened(id);

  if (!data) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const { case: record, student, family, district, contacts } = data;
  const studentName = `${student.firstName} ${student.lastName}`;
  const isArchived = record.archivedAt !== null;
  /** The main column's tabs, in order; a new tab is one more entry. `?tab=` links straight to one. */
  const tabs = [
    { value: 'timeline', label: 'Timeline', panel: <TimelineSection caseId={record.id} contacts={contacts} /> },
    { value: 'deadlines', label: 'Deadlines & tasks', panel: <DeadlinesTab caseId={record.id} /> },
    { value: 'escalation', label: 'Escalation', panel: <EscalationTab caseId={record.id} stage={record.stage} /> },
    { value: 'iee', label: 'IEE requests', panel: <IeeTab caseId={record.id} /> },
    { value: 'goals', label: 'IEP & goals', panel: <GoalsTab caseId={record.id} /> },
    { value: 'agreements', label: 'Agreements', panel: <CaseAgreementsTab caseId={record.id} /> },
    { value: 'documents', label: 'Documents', panel: <CaseDocumentsTab caseId={record.id} /> },
    { value: 'meetings', label: 'Meetings', panel: <MeetingsTab caseId={record.id} contacts={contacts} /> },
    { value: 'trials', label: 'Trials', panel: <TrialsTab caseId={record.id} /> },
    { value: 'time', label: 'Time', panel: <CaseTimeTab caseId={record.id} /> },
  ];
  const activeTab = tabs.find((tab) => tab.value === searchParams.get('tab'))?.value ?? 'timeline';

  async function changeArchived(archived: boolean) {
    try {
      await setArchived.mutateAsync({ id: record.id, archived });
      notifySaved(archived ? 'Case archived' : 'Case restored');
      setIsConfirmingArchive(false);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <>
      <PageHeader
        above={
          <Group gap={6}>
            <Anchor underline="hover" component={Link} to="/cases" size="sm">
              Caseload
            </Anchor>
            <Text size="sm" c="dimmed">
              /
            </Text>
            <Anchor underline="hover" component={Link} to={`/families/${family.id}`} size="sm">
              {family.name}
            </Anchor>
          </Group>
        }
        title={
          <Group gap="sm" component="span">
            <span>{studentName}</span>
            <StageBadge stage={record.stage} />
            {isArchived && (
              <Badge color="gray" variant="outline">
                Archived
              </Badge>
            )}
          </Group>
        }
        subtitle={
          <Group gap="md">
            <Text size="sm" fw={500} c="var(--mantine-color-text)">
              {record.title}
            </Text>
            <Text size="sm" c="dimmed">
              {district ? district.name : 'No district'}
            </Text>
            <Text size="sm" c="dimmed">
              {jurisdictionLabel(record.jurisdiction)}
            </Text>
            <Text size="sm" c="dimmed">
              Opened {formatDate(record.openedOn)}
              {record.closedOn ? ` · closed ${formatDate(record.closedOn)}` : ''}
            </Text>
          </Group>
        }
        actions={
          <>
            <CaseTimerButton caseId={record.id} />
            <BinderAndLettersMenu caseId={record.id} />
            <Button variant="default" onClick={() => setIsEditing(true)}>
              Edit case
            </Button>
            {isArchived ? (
              <Button variant="default" onClick={() => void changeArchived(false)} loading={setArchived.isPending}>
                Restore
              </Button>
            ) : (
              <Button variant="default" color="gray" onClick={() => setIsConfirmingArchive(true)}>
                Archive
              </Button>
            )}
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={activeTab} onChange={(tab) => tab && setSearchParams({ tab }, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              {tabs.map((tab) => (
                <Tabs.Tab key={tab.value} value={tab.value} fw={500}>
                  {tab.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {tabs.map((tab) => (
              <Tabs.Panel key={tab.value} value={tab.value}>
                {tab.panel}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <Title order={3} size="h5" mb="xs">
                Issues and priorities
              </Title>
              {record.issues.length > 0 ? (
                <Group gap={6} mb="sm">
                  {record.issues.map((issue) => (
                    <Badge key={issue} variant="default" tt="none" fw={500} radius="sm">
                      {issue}
                    </Badge>
                  ))}
                </Group>
              ) : (
                <Text size="sm" c="dimmed" mb="sm">
                  No issues recorded.
                </Text>
              )}
              <Text size="sm" c={record.priorities ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {record.priorities ?? 'No priorities recorded.'}
              </Text>
            </Paper>
            <ConsentPanel caseId={record.id} />
            <CaseContacts caseId={record.id} contacts={contacts} districtId={record.districtId} />
          </Stack>
        </Grid.Col>
      </Grid>
      {isEditing && <CaseFormModal opened student={student} record={record} onClose={() => setIsEditing(false)} />}
      <ConfirmDialog
        opened={isConfirmingArchive}
        title="Archive case"
        message="Archived cases leave the caseload but keep their timeline. You can restore the case at any time with “Show archived”."
        confirmLabel="Archive"
        isPending={setArchived.isPending}
        onConfirm={() => void changeArchived(true)}
        onClose={() => setIsConfirmingArchive(false)}
      />
    </>
  );
}
