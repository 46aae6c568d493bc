import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { factPath } from './fact-links';
import { SilenceDaysControl } from './SilenceDaysControl';
import { useRedFlags } from './useEscalation';

/** What the case's facts show has gone wrong, each flag with its rule and links to the facts it rests on. */
export function RedFlagsPanel({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useRedFlags(caseId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="red-flags-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h5" id="red-flags-title">
            Red flags
          </Title>
          {data && <SilenceDaysControl days={data.silenceDays} />}
        </Group>
        {!data ? (
          <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
        ) : data.flags.length === 0 ? (
          <Text size="sm" c="dimmed">
            No red flags: the recorded facts show no missed review, refused IEE, repeated no-change meeting, agreement behind or unanswered request.
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.flags.map((flag) => (
              <li key={flag.key} data-testid="red-flag">
                <Paper withBorder radius="sm" p="sm" style={{ borderLeft: '4px solid var(--mantine-color-red-6)' }}>
                  <Stack gap={4}>
                    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                      <Text fw={600} size="sm">
                        {flag.title}
                      </Text>
                      <Group gap={6} wrap="nowrap">
                        {flag.isNew && (
                          <Badge color="red" variant="light" tt="none" size="sm">
                            New since last opened
                          </Badge>
                        )}
                        {flag.raisedOn && (
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            since {formatDate(flag.raisedOn)}
                          </Text>
                        )}
                      </Group>
                    </Group>
                    <Text size="sm">{flag.explanation}</Text>
                    <Text size="xs" c="dimmed">
                      {flag.citation}
                    </Text>
                    <List size="sm" spacing={2} aria-label={`Facts behind: ${flag.title}`}>
                      {flag.facts.map((fact) => (
                        <List.Item key={`${fact.type}:${fact.id}`}>
                          <Anchor component={Link} to={factPath(caseId, fact)} size="sm">
                            {fact.label}
                            {fact.date ? ` (${formatDate(fact.date)})` : ''}
                          </Anchor>
                        </List.Item>
                      ))}
                    </List>
                  </Stack>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
