import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AGREEMENT_TYPE_LABELS } from '@shared/domain/agreements';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { AgreementFormModal } from './AgreementFormModal';
import { TermStatusBadge } from './TermStatusBadge';
import { formatMinutesLong, formatPercent } from './agreement-format';
import { useCaseAgreementSummary } from './useAgreements';

/** The case page's agreements: each one's status and the sentence that explains it, worst first. */
export function CaseAgreementsTab({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useCaseAgreementSummary(caseId);
  const [isCreating, setIsCreating] = useState(false);
  const navigate = useNavigate();

  const newButton = (
    <Button onClick={() => setIsCreating(true)} size="sm">
      New agreement
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3} size="h4">
            Agreements
          </Title>
          {data && data.agreements.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="case-agreements-summary">
              {data.explanation}
            </Text>
          )}
        </div>
        {data && data.agreements.length > 0 && newButton}
      </Group>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.agreements.length === 0 && (
        <EmptyState
          title="No agreements yet"
          description="Record a mediation agreement, a resolution settlement or an IEP's service page, then its terms and the service log, to see whether the district is keeping to it."
          action={newButton}
        />
      )}
      {data?.agreements.map((entry) => (
        <Paper key={entry.agreement.id} withBorder radius="md" p="md" data-testid="case-agreement">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <Group gap="sm" wrap="nowrap">
                <Anchor component={Link} to={`/agreements/${entry.agreement.id}`} fw={600} truncate>
                  {entry.agreement.title}
                </Anchor>
                <TermStatusBadge status={entry.status} data-testid="case-agreement-status" />
              </Group>
              <Text size="xs" c="dimmed">
                {AGREEMENT_TYPE_LABELS[entry.agreement.type]}
                {entry.agreement.signedOn ? ` · signed ${formatDate(entry.agreement.signedOn)}` : ' · signing date not recorded'}
                {` · ${entry.termCount} ${entry.termCount === 1 ? 'term' : 'terms'}`}
              </Text>
            </Stack>
            <Group gap="lg" style={{ flexShrink: 0 }} align="flex-start">
              {entry.totals.services.requiredMinutes > 0 && (
                <Stack gap={0} align="flex-end">
                  <Text fw={700} size="lg" title="Services: delivered of required, student absences excluded">
                    {formatPercent(entry.totals.services.percentExcludingAbsence)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    services · {formatMinutesLong(entry.totals.services.creditedOfOwedMinutes)} of{' '}
                    {formatMinutesLong(entry.totals.services.requiredMinutes - entry.totals.services.studentAbsenceMinutes)}
                  </Text>
                </Stack>
              )}
              {entry.totals.awards.awardedMinutes > 0 && (
                <Stack gap={0} align="flex-end">
                  <Text fw={700} size="lg">
                    {formatPercent(entry.totals.awards.percentComplete)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    awards complete · {formatMinutesLong(entry.totals.awards.deliveredMinutes)} of {formatMinutesLong(entry.totals.awards.awardedMinutes)}
                  </Text>
                </Stack>
              )}
            </Group>
          </Group>
          {/* The explanations take the card's whole width, under its title and figures. */}
          <Text size="sm" mt="xs">
            {entry.explanation}
          </Text>
          {entry.worstTerm && entry.worstTerm.status !== 'on_track' && (
            <Text size="sm" c="dimmed" mt={4}>
              {entry.worstTerm.explanation}
            </Text>
          )}
        </Paper>
      ))}
      {isCreating && (
        <AgreementFormModal
          caseId={caseId}
          agreement={null}
          onClose={() => setIsCreating(false)}
          onSaved={(agreement) => void navigate(`/agreements/${agreement.id}`)}
        />
      )}
    </Stack>
  );
}
