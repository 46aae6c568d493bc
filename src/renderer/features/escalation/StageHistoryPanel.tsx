import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CASE_STAGE_LABELS, type CaseStage } from '@shared/domain/vocabulary';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { StageBadge } from '../../components/StageBadge';
import { formatDate } from '../../lib/dates';
import { StageChangeModal } from './StageChangeModal';
import { useStageHistory } from './useEscalation';

const SOURCE_NOTES: Record<string, string> = {
  case_form: 'Changed on the case form (no reason given)',
  migrated: 'Stage when history began',
};

/** Every move on the ladder: from, to, when and why. */
export function StageHistoryPanel({ caseId, stage }: { caseId: number; stage: CaseStage }) {
  const { data, isLoading, error, refetch } = useStageHistory(caseId);
  const [isChanging, setIsChanging] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="stage-history-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="stage-history-title">
            Stage history
          </Title>
          <Button size="xs" variant="default" onClick={() => setIsChanging(true)}>
            Change stage…
          </Button>
        </Group>
        {!data ? (
          <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
        ) : (
          <Table verticalSpacing="xs" aria-label="Stage history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>Date</Table.Th>
                <Table.Th w={190}>Stage</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data].reverse().map((entry) => (
                <Table.Tr key={entry.id} data-testid="stage-history-row">
                  <Table.Td>{formatDate(entry.changedOn)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <StageBadge stage={entry.toStage} />
                      {entry.fromStage && (
                        <Text size="xs" c="dimmed">
                          from {CASE_STAGE_LABELS[entry.fromStage]}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.reason ?? ''}
                    </Text>
                    {(entry.source === 'case_form' || entry.source === 'migrated') && (
                      <Badge color="gray" variant="outline" tt="none" size="xs">
                        {SOURCE_NOTES[entry.source] ?? entry.source}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {isChanging && <StageChangeModal caseId={caseId} stage={stage} onClose={() => setIsChanging(false)} />}
    </Paper>
  );
}
