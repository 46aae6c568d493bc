import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { LetterKindId } from '@shared/domain/documents';
import type { RungSuggestionRecord } from '@shared/domain/escalation';
import { formatCount } from '@shared/format';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { LetterModal } from '../letters/LetterModal';
import { useNextSteps } from './useEscalation';

const STATUS: Record<RungSuggestionRecord['status'], { label: string; color: string }> = {
  fits: { label: 'The facts point here', color: 'orange' },
  taken: { label: 'Taken', color: 'teal' },
  open: { label: 'Available', color: 'gray' },
};

function clockText(daysUntil: number, status: string): string {
  if (status === 'expired' || daysUntil < 0) return `passed ${formatCount(Math.abs(daysUntil), 'day')} ago`;
  return daysUntil === 0 ? 'today' : `${formatCount(daysUntil, 'day')} left`;
}

function Rung({ rung, onLetter }: { rung: RungSuggestionRecord; onLetter: (kind: LetterKindId) => void }) {
  const status = STATUS[rung.status];
  return (
    <Paper withBorder radius="sm" p="sm" component="li" data-testid="next-step-rung" aria-label={rung.label}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm">
            {rung.label}
          </Text>
          <Badge color={status.color} variant="light" tt="none" size="sm" style={{ flexShrink: 0 }}>
            {status.label}
          </Badge>
        </Group>
        <List size="sm" spacing={2}>
          {rung.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed">
          {rung.citation}
        </Text>
        {rung.clocks.length > 0 ? (
          <Table verticalSpacing={4} aria-label={`Clocks: ${rung.label}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Clock</Table.Th>
                <Table.Th w={130}>Limit</Table.Th>
                <Table.Th w={150}>Time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rung.clocks.map((clock) => (
                <Table.Tr key={clock.key} data-testid="rung-clock">
                  <Table.Td>
                    <Text size="sm">{clock.label}</Text>
                    <Text size="xs" c="dimmed">
                      {clock.citation}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(clock.dueDate)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={clock.daysUntil < 60 ? 'red' : undefined}>
                      {clockText(clock.daysUntil, clock.status)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          rung.clockNote && (
            <Text size="sm" c="dimmed">
              {rung.clockNote}
            </Text>
          )
        )}
        <Text size="sm" fw={500}>
          Gather first
        </Text>
        <List size="sm" spacing={2}>
          {rung.gather.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        {rung.letter && rung.letterLabel && (
          <Group>
            <Button size="xs" variant="light" onClick={() => onLetter(rung.letter as LetterKindId)}>
              Draft: {rung.letterLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The rungs of the ladder the facts point to, with their clocks, the letter that starts each and what to gather. */
export function NextStepPanel({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useNextSteps(caseId);
  const [letter, setLetter] = useState<LetterKindId | null>(null);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="next-step-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="next-step-title">
          Next step
        </Title>
        <Text size="sm" c="dimmed">
          What the recorded facts show about each rung of the ladder, with the rule it rests on. Which step to take, and when, is the family&apos;s choice with
          your advice.
        </Text>
        {!data ? (
          <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.rungs.map((rung) => (
              <Rung key={rung.rung} rung={rung} onLetter={setLetter} />
            ))}
          </Stack>
        )}
      </Stack>
      {letter && <LetterModal caseId={caseId} initialKind={letter} onClose={() => setLetter(null)} />}
    </Paper>
  );
}
