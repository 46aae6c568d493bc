import { Alert, Anchor, Badge, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { GoalRecord, IepRecord } from '@shared/domain/ieps';
import { PROGRESS_SOURCE_LABELS } from '@shared/domain/ieps';
import { DISTRICT_RATING_LABELS } from '@shared/progress/goal-trend';
import { kindLabels } from '@shared/deadlines/facts';
import { formatNumber } from '@shared/format';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { MeasurementTable } from '../../components/MeasurementTable';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { GoalFormModal } from './GoalFormModal';
import { IepFormModal } from './IepFormModal';
import { ProgressForm } from './ProgressForm';
import { ProgressImportModal } from './ProgressImportModal';
import { useDeleteGoal, useDeleteIep, useDeleteProgress, useIeps } from './useIeps';

const GoalChart = lazy(() => import('./GoalChart').then((module) => ({ default: module.GoalChart })));

function GoalCard({ goal, iep }: { goal: GoalRecord; iep: IepRecord }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isImporting, setIsImporting] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const removeGoal = useDeleteGoal();
  const removeEntry = useDeleteProgress();
  const { assessment } = goal;
  async function confirmDelete() {
    try {
      await removeGoal.mutateAsync({ id: goal.id });
      notifySaved('Goal deleted');
    } catch (failure) {
      notifyFailed(failure);
    }
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="goal-card">
      <Group justify="space-between" align="flex-start" mb={4}>
        <div>
          <Title order={4} size="h5">
            {goal.area}
          </Title>
          <Text size="sm" c="dimmed">
            Baseline {formatNumber(goal.baseline)} → target {formatNumber(goal.target)} {goal.measure} ({goal.direction} is better)
          </Text>
        </div>
        <Group gap={6}>
          {assessment.isProgressingButFlat && (
            <Badge color="red" variant="filled" tt="none" data-testid="flat-flag">
              Rated progressing, trend flat
            </Badge>
          )}
          {assessment.latestRating && (
            <Badge variant="light" color="gray" tt="none">
              District: {DISTRICT_RATING_LABELS[assessment.latestRating]}
            </Badge>
          )}
          <Button size="compact-xs" variant="subtle" onClick={() => setIsImporting(true)}>
            Import CSV
          </Button>
          <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Edit goal ${goal.area}`} onClick={() => setIsEditing(true)}>
            Edit
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={`Delete goal ${goal.area}`} onClick={() => setIsDeleting(true)}>
            Delete
          </Button>
        </Group>
      </Group>
      {goal.statement && (
        <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {goal.statement}
        </Text>
      )}
      {assessment.isProgressingButFlat && (
        <Alert color="red" variant="light" mb="xs" title="What the data shows" data-testid="flat-explanation">
          {assessment.explanation} Flagged when the projection covers less than half (50%) of the distance. 34 CFR 300.320(a)(3) requires the IEP to say how
          progress toward each goal is measured and when it is reported.
        </Alert>
      )}
      <Suspense fallback={<Loader size="sm" />}>
        <GoalChart goal={goal} endOn={iep.projectionEndOn} isExplainedAbove={assessment.isProgressingButFlat} />
      </Suspense>
      {goal.progress.length > 0 && (
        <MeasurementTable
          label={`Progress entries for ${goal.area}`}
          valueHeader="Value"
          entries={goal.progress}
          extraColumns={[
            { header: 'Source', cell: (entry) => `${PROGRESS_SOURCE_LABELS[entry.source]}${entry.documentTitle ? ` · ${entry.documentTitle}` : ''}` },
            { header: 'District rating', cell: (entry) => (entry.districtRating ? DISTRICT_RATING_LABELS[entry.districtRating] : '—') },
          ]}
          deleteLabel={(entry) => `Delete the entry of ${formatDate(entry.measuredOn)}`}
          onDelete={(entry) => void removeEntry.mutateAsync({ id: entry.id }).then(() => notifySaved('Entry deleted'), notifyFailed)}
        />
      )}
      <Stack mt="sm">
        <ProgressForm caseId={iep.caseId} goalId={goal.id} measure={goal.measure} />
      </Stack>
      {isEditing && <GoalFormModal iepId={iep.id} goal={goal} onClose={() => setIsEditing(false)} />}
      {isImporting && <ProgressImportModal goalId={goal.id} goalArea={goal.area} onClose={() => setIsImporting(false)} />}
      <ConfirmDialog
        opened={isDeleting}
        title="Delete goal"
        message={`Delete the ${goal.area} goal and its ${goal.progress.length} progress entries?`}
        confirmLabel="Delete"
        isPending={removeGoal.isPending}
        onConfirm={() => void confirmDelete().then(() => setIsDeleting(false))}
        onClose={() => setIsDeleting(false)}
      />
    </Paper>
  );
}

function IepSection({ iep }: { iep: IepRecord }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isAddingGoal, setIsAddingGoal] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  const remove = useDeleteIep();
  const accommodations = (iep.accommodations ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const title = iep.meetingOn
    ? `IEP of ${formatDate(iep.meetingOn)}${iep.meetingKind ? ` (${kindLabels[iep.meetingKind] ?? iep.meetingKind})` : ''}`
    : 'IEP (its meeting was removed from the timeline)';
  return (
    <Stack gap="sm" data-testid="iep-section">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {iep.startOn ? `In effect ${formatDate(iep.startOn)}` : 'Start date not recorded'}
            {' · '}
            {iep.endOn
              ? `ends ${formatDate(iep.endOn)}`
              : iep.projectionEndOn
                ? `no end date: trends projected to ${formatDate(iep.projectionEndOn)}, one year after the meeting`
                : 'no end date'}
          </Text>
        </div>
        <Group gap="xs">
          <Button size="compact-sm" onClick={() => setIsAddingGoal(true)}>
            Add goal
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setIsEditing(true)}>
            Edit IEP
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setIsDeleting(true)}>
            Delete
          </Button>
        </Group>
      </Group>
      <Group align="flex-start" grow>
        <div>
          <Text size="sm" fw={600}>
            Accommodations
          </Text>
          {accommodations.length === 0 ? (
            <Text size="sm" c="dimmed">
              None recorded.
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {accommodations.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="sm" fw={600}>
            Services
          </Text>
          {iep.agreementId ? (
            <>
              <Anchor component={Link} to={`/agreements/${iep.agreementId}`} size="sm">
                {iep.agreementTitle}
              </Anchor>
              <List size="sm" spacing={2}>
                {iep.services.map((term) => (
                  <List.Item key={term.id}>{term.description}</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Link the “IEP services” agreement (Edit IEP) to show its terms here.
            </Text>
          )}
        </div>
      </Group>
      {iep.goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          No goals yet. Add each measurable goal with its baseline, target and unit.
        </Text>
      ) : (
        iep.goals.map((goal) => <GoalCard key={goal.id} goal={goal} iep={iep} />)
      )}
      {isEditing && <IepFormModal caseId={iep.caseId} iep={iep} onClose={() => setIsEditing(false)} />}
      {isAddingGoal && <GoalFormModal iepId={iep.id} goal={null} onClose={() => setIsAddingGoal(false)} />}
      <ConfirmDialog
        opened={isDeleting}
        title="Delete IEP record"
        message="Delete this IEP record with its goals and progress? The IEP meeting stays on the timeline."
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() =>
          void remove.mutateAsync({ id: iep.id }).then(() => {
            notifySaved('IEP record deleted');
            setIsDeleting(false);
          }, notifyFailed)
        }
        onClose={() => setIsDeleting(false)}
      />
    </Stack>
  );
}

/** The case's IEPs with their goals, progress data, charts and the "progressing but flat" flag. */
export function GoalsTab({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useIeps(caseId);
  const [isAdding, setIsAdding] = useState(false);
  if (!data) return <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />;
  const flagged = data.flatMap((iep) => iep.goals).filter((goal) => goal.assessment.isProgressingButFlat).length;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={620}>
          Each IEP is recorded on its IEP meeting: the annual review counts from the same record. Progress data shows whether the goals are on course.
          {flagged > 0 ? ` ${flagged} ${flagged === 1 ? 'goal is' : 'goals are'} rated progressing while the trend is flat.` : ''}
        </Text>
        <Button onClick={() => setIsAdding(true)}>Record IEP</Button>
      </Group>
      {data.length === 0 ? (
        <EmptyState
          title="No IEP recorded"
          description="Record the current IEP on its IEP meeting to track its goals and the district’s progress reports against the data."
          action={<Button onClick={() => setIsAdding(true)}>Record IEP</Button>}
        />
      ) : (
        data.map((iep) => <IepSection key={iep.id} iep={iep} />)
      )}
      {isAdding && <IepFormModal caseId={caseId} iep={null} onClose={() => setIsAdding(false)} />}
    </Stack>
  );
}
