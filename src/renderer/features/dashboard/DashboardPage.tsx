import { Button, Grid, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCount, formatDate } from '@shared/format';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { DashboardDeadlineList } from './DashboardDeadlineList';
import { DashboardSection } from './DashboardSection';
import { AgreementsBehindCard, CasesByStageCard, IeeWaitingCard, UpcomingMeetingsCard } from './DashboardSideCards';
import { useAgreementsBehind, useDashboard } from './useDashboard';
import { NewRedFlagsCard } from '../escalation/NewRedFlagsCard';
import { usePrefetchCaseload } from '../cases/useCases';

/** How long the dashboard stays on screen before the red flags card asks for its list. */
const RED_FLAGS_AFTER_MS = 1_000;

/** True once `isReady` has held for `ms` while the component stays mounted. */
function useIsStaying(isReady: boolean, ms: number): boolean {
  const [isStaying, setIsStaying] = useState(false);
  useEffect(() => {
    if (!isReady) return;
    const timer = setTimeout(() => setIsStaying(true), ms);
    return () => clearTimeout(timer);
  }, [isReady, ms]);
  return isStaying;
}

interface StatProps {
  label: string;
  value: number | null;
  color: string;
  note?: string;
}

function Stat({ label, value, color, note }: StatProps) {
  return (
    <Paper withBorder radius="md" px="md" py="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={26} fw={700} c={value ? color : 'dimmed'} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value ?? '—'}
        </Text>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** Home: what is overdue, due this week and waiting on a district, across every open case. */
export function DashboardPage() {
  const navigate = useNavigate();
  const { data, isLoading, error, refetch } = useDashboard();
  const agreements = useAgreementsBehind();
  // The caseload is the likelier next click: its list is asked for before the red flags, then its
  // page's code (a route split off) is loaded, so the first click waits for neither.
  const isCaseloadLoaded = usePrefetchCaseload(Boolean(data));
  useEffect(() => {
    if (isCaseloadLoaded) void import('../cases/CaseloadPage').catch(() => undefined);
  }, [isCaseloadLoaded]);
  // The red flags of every case take the service a few hundred ms at 2,000 families: asked for once
  // the dashboard has stayed on screen a second after loading the caseload ahead, so a quick click
  // onward does not share the machine with them (and leaving at once spares the work).
  const isStaying = useIsStaying(isCaseloadLoaded, RED_FLAGS_AFTER_MS);

  // Drawn once both answers are in (they are asked for together and come a moment apart), so the
  // page is laid out once, not again when the agreements behind arrive. Only their first answer is
  // waited for: not a retry after a failed try, not a fetch that cannot run (paused), and never
  // again once the list has failed (a later refetch would otherwise blank the page each time).
  const isAgreementsComing =
    agreements.isPending && agreements.fetchStatus === 'fetching' && agreements.failureCount === 0 && agreements.errorUpdateCount === 0;
  if (!data || isAgreementsComing) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <QueryState isLoading={isLoading || isAgreementsComing} error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  const openCases = data.casesByStage.filter((stage) => stage.stage !== 'closed').reduce((sum, stage) => sum + stage.count, 0);
  const totalCases = data.casesByStage.reduce((sum, stage) => sum + stage.count, 0);
  const flaggedIee = data.ieeWaiting.filter((item) => item.isFlagged).length;
  const isOverdueCapped = data.overdueTotal > data.overdue.length;

  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={`${formatDate(data.today, 'weekday')} · ${formatCount(openCases, 'open case')}`}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/calendar')}>
              Calendar
            </Button>
            <Button variant="default" onClick={() => navigate('/cases')}>
              Caseload
            </Button>
          </>
        }
      />
      {totalCases === 0 ? (
        <EmptyState
          title="Your caseload is empty"
          description="No cases yet. Add a family, then open a case for their child."
          action={<Button onClick={() => navigate('/families?new=1')}>Add a family</Button>}
        />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
            <Stat label="Overdue" value={data.overdueTotal} color="red" />
            <Stat label="Due this week" value={data.dueThisWeek.length} color="orange" />
            <Stat label="IEE waiting" value={data.ieeWaiting.length} color="violet" note={flaggedIee > 0 ? `${flaggedIee} past threshold` : undefined} />
            <Stat
              label="Agreements behind"
              value={agreements.data ? agreements.data.length : null}
              color="orange"
              note={agreements.error ? 'not tracked yet' : undefined}
            />
            <Stat label="Meetings, 30 days" value={data.upcomingMeetings.length} color="indigo" />
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="md">
                {data.filingLimits.length > 0 && (
                  <DashboardSection
                    title="Filing limits"
                    count={data.filingLimits.length}
                    countColor="red"
                    aside="the family's own last days to file: a miss costs the claim"
                    testId="filing-limits"
                  >
                    <DashboardDeadlineList items={data.filingLimits} label="Filing limits" emptyText="No filing limit in the next 180 days." />
                  </DashboardSection>
                )}
                <DashboardSection
                  title="Overdue"
                  count={data.overdueTotal}
                  countColor="red"
                  aside={isOverdueCapped ? `the ${data.overdue.length} most recently missed of ${data.overdueTotal}` : 'most recently missed first'}
                  testId="overdue"
                >
                  <DashboardDeadlineList items={data.overdue} label="Overdue deadlines" emptyText="Nothing is overdue." />
                </DashboardSection>
                <DashboardSection
                  title="Due this week"
                  count={data.dueThisWeek.length}
                  countColor="orange"
                  aside="today and the next 6 days"
                  testId="due-this-week"
                >
                  <DashboardDeadlineList items={data.dueThisWeek} label="Deadlines due this week" emptyText="Nothing is due in the next seven days." />
                </DashboardSection>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md">
                <NewRedFlagsCard isEnabled={isStaying} />
                <IeeWaitingCard items={data.ieeWaiting} />
                <UpcomingMeetingsCard meetings={data.upcomingMeetings} />
                <AgreementsBehindCard items={agreements.data} isUnavailable={Boolean(agreements.error)} />
                <CasesByStageCard stages={data.casesByStage} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
