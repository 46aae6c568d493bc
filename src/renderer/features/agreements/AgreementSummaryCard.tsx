import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatMinutes } from '@shared/format';
import type { AgreementDetail } from '@shared/domain/agreements';
import { formatDate } from '../../lib/dates';
import { TermStatusBadge } from './TermStatusBadge';
import { formatMinutesLong, formatPercent } from './agreement-format';

function Figure({ label, value, isAlert, hint }: { label: string; value: string; isAlert?: boolean; hint?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fw={700} size="lg" c={isAlert ? 'red' : undefined}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
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
        {totals.services.termCount > 0 && (
          <div data-testid="headline-services">
            <Text size="xs" fw={700} c="dimmed" mb={4}>
              SERVICES (minutes required by schedule)
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
              <Figure label="Required" value={formatMinutesLong(totals.services.requiredMinutes)} />
              <Figure label="Delivered" value={formatMinutesLong(totals.services.deliveredMinutes)} />
              <Figure
                label="Of required"
                value={formatPercent(totals.services.percentOfRequired)}
                hint={`${formatMinutes(totals.services.creditedOfRequiredMinutes)} / ${formatMinutes(totals.services.requiredMinutes)}`}
                isAlert={compliance.status === 'behind'}
              />
              <Figure
                label="Excl. student absences"
                value={formatPercent(totals.services.percentExcludingAbsence)}
                hint={`${formatMinutes(totals.services.creditedOfOwedMinutes)} / ${formatMinutes(totals.services.requiredMinutes - totals.services.studentAbsenceMinutes)}`}
              />
              <Figure label="Make-up open" value={formatMinutesLong(totals.services.openMakeupMinutes)} />
              <Figure
                label="Compensatory owed"
                value={formatMinutesLong(totals.services.compensatoryOwedMinutes)}
                isAlert={totals.services.compensatoryOwedMinutes > 0}
              />
            </SimpleGrid>
          </div>
        )}
        {totals.awards.termCount > 0 && (
          <div data-testid="headline-awards">
            <Text size="xs" fw={700} c="dimmed" mb={4}>
              COMPENSATORY AWARDS (reported apart from services)
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md">
              <Figure label="Awarded" value={formatMinutesLong(totals.awards.awardedMinutes)} />
              <Figure label="Delivered" value={formatMinutesLong(totals.awards.deliveredMinutes)} />
              <Figure label="Complete" value={formatPercent(totals.awards.percentComplete)} />
              <Figure label="Behind pace" value={String(totals.awards.behindCount)} isAlert={totals.awards.behindCount > 0} />
              <Figure label="Cannot finish" value={String(totals.awards.cannotFinishCount)} isAlert={totals.awards.cannotFinishCount > 0} />
              <Figure
                label="Projected shortfall"
                value={formatMinutesLong(totals.awards.projectedShortfallMinutes)}
                isAlert={totals.awards.projectedShortfallMinutes > 0}
              />
            </SimpleGrid>
          </div>
        )}
        {totals.obligations.termCount > 0 && (
          <div data-testid="headline-obligations">
            <Text size="xs" fw={700} c="dimmed" mb={4}>
              OTHER OBLIGATIONS (deliverables, evaluations, trainings, payments)
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
              <Figure label="Met" value={String(totals.obligations.met)} />
              <Figure label="Late" value={String(totals.obligations.late)} isAlert={totals.obligations.late > 0} />
              <Figure label="Missing" value={String(totals.obligations.missing)} isAlert={totals.obligations.missing > 0} />
              <Figure label="Not yet due" value={String(totals.obligations.pending)} />
            </SimpleGrid>
          </div>
        )}
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            Figures as of {formatDate(detail.asOf)}
            {detail.closures.length > 0
              ? `, with ${detail.closures.length} district closures taken off`
              : ', with no district calendar on file (no closures taken off)'}
            . Behind means under {thresholds.behindBelowPercent}% delivered
            {thresholds.behindMinimumShortfallMinutes > 0 ? ` and more than ${formatMinutes(thresholds.behindMinimumShortfallMinutes)} short` : ''}; a meeting
            within {thresholds.reviewGraceDays} days meets a review date.
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={onChangeThresholds}>
            Change thresholds…
          </Button>
        </Group>
        {compliance.missedReviewDates.length > 0 && (
          <Text size="sm" c="orange">
            Review dates passed without a meeting: {compliance.missedReviewDates.map((date) => formatDate(date)).join(', ')}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
