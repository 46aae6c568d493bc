import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AgreementDetail } from '@shared/domain/agreements';
import { formatDate } from '../../lib/dates';
import { TermStatusBadge } from './TermStatusBadge';
import { formatMinutesLong, formatPercent } from './agreement-format';

function Figure({ label, value, isAlert }: { label: string; value: string; isAlert?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fw={700} size="lg" c={isAlert ? 'red.8' : undefined}>
        {value}
      </Text>
    </div>
  );
}

/** The agreement's roll-up in figures, each one explained by the sentence above it. */
export function AgreementSummaryCard({ detail, onChangeThresholds }: { detail: AgreementDetail; onChangeThresholds: () => void }) {
  const { compliance, thresholds } = detail;
  const { totals } = compliance;
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <TermStatusBadge status={compliance.status} variant="filled" mt={2} data-testid="agreement-status" />
          <Text size="sm" data-testid="agreement-explanation">
            {compliance.explanation}
          </Text>
        </Group>
        {totals.owedMinutes > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
            <Figure label="Owed" value={formatMinutesLong(totals.owedMinutes)} />
            <Figure label="Delivered" value={formatMinutesLong(totals.deliveredMinutes)} />
            <Figure label="Shortfall" value={formatMinutesLong(totals.shortfallMinutes)} isAlert={totals.shortfallMinutes > 0} />
            <Figure label="Compliance" value={formatPercent(totals.compliancePercent)} isAlert={compliance.status === 'behind'} />
            <Figure label="Make-up owed" value={formatMinutesLong(totals.compensatoryOwedMinutes)} />
            <Figure label="Past make-up deadline" value={formatMinutesLong(totals.compensatoryPastDeadlineMinutes)} isAlert={totals.compensatoryPastDeadlineMinutes > 0} />
          </SimpleGrid>
        )}
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            Figures as of {formatDate(detail.asOf)}
            {detail.closures.length > 0 ? `, with ${detail.closures.length} district closures taken off` : ', with no district calendar on file (no closures taken off)'}. Behind means under{' '}
            {thresholds.behindBelowPercent}% delivered
            {thresholds.behindMinimumShortfallMinutes > 0 ? ` and more than ${thresholds.behindMinimumShortfallMinutes} min short` : ''}; a meeting within {thresholds.reviewGraceDays} days meets a review date.
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={onChangeThresholds}>
            Change thresholds…
          </Button>
        </Group>
        {compliance.missedReviewDates.length > 0 && (
          <Text size="sm" c="orange.8">
            Review dates passed without a meeting: {compliance.missedReviewDates.map((date) => formatDate(date)).join(', ')}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
