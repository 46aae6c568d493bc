import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { formatDate } from '@shared/format';
import { Link } from 'react-router';
import { DashboardSection, FoldedRows, SectionEmpty } from '../dashboard/DashboardSection';
import { useFlaggedCases } from './useEscalation';

/** The dashboard's cases whose red flags were raised since the advocate last opened them (folded like the other cards). */
export const NewRedFlagsCard = memo(function NewRedFlagsCard({ isEnabled = true }: { isEnabled?: boolean }) {
  const { data, error } = useFlaggedCases(isEnabled);
  if (error) return null;
  // In place while the list is coming (it is asked for a moment after the dashboard is drawn), so
  // the cards below do not jump down when it arrives.
  if (!data) {
    return (
      <DashboardSection title="New red flags" count={null} countColor="red" aside="since last opened" testId="new-red-flags">
        <SectionEmpty>Loading…</SectionEmpty>
      </DashboardSection>
    );
  }
  return (
    <DashboardSection title="New red flags" count={data.length} countColor="red" aside="since last opened" testId="new-red-flags">
      {data.length === 0 ? (
        <Text size="sm" c="dimmed" p="md">
          No red flag raised since you last opened each case.
        </Text>
      ) : (
        <FoldedRows
          items={data}
          label="Cases with new red flags"
          render={(item) => (
            <Stack gap={2} px="md" py="xs" role="listitem" data-testid="new-red-flag-case">
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/cases/${item.case.caseId}?tab=escalation`} size="sm" fw={600}>
                  {item.case.studentName}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {item.lastOpenedAt ? `opened ${formatDate(item.lastOpenedAt.slice(0, 10))}` : 'never opened'}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {item.case.familyName} · {item.case.caseTitle}
              </Text>
              <Group gap={4}>
                {item.newFlags.map((flag) => (
                  <Badge key={flag.key} color="red" variant="light" tt="none" size="sm" style={{ maxWidth: '100%' }}>
                    {flag.title}
                  </Badge>
                ))}
              </Group>
            </Stack>
          )}
        />
      )}
    </DashboardSection>
  );
});
