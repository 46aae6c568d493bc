import { Badge, Group, Progress, SimpleGrid, Table, Text } from '@mantine/core';
import { formatCount, formatMinutes } from '@shared/format';
import { DELIVERY_STATUS_LABELS, MAKEUP_CLAUSE_LABELS } from '@shared/compliance/types';
import type { TermComplianceResult, TermRecord } from '@shared/domain/agreements';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/dates';
import { formatAmount, formatPercent } from './agreement-format';

const ITEM_STATUS: Record<'open' | 'made_up' | 'expired', { label: string; color: string }> = {
  open: { label: 'Open', color: 'yellow' },
  made_up: { label: 'Made up', color: 'teal' },
  expired: { label: 'Expired', color: 'red' },
};

const INSTANCE_STATUS: Record<'met' | 'late' | 'missing' | 'pending', { label: string; color: string }> = {
  met: { label: 'Met', color: 'teal' },
  late: { label: 'Late', color: 'orange' },
  missing: { label: 'Missing', color: 'red' },
  pending: { label: 'Not yet due', color: 'gray' },
};

function Stat({ label, value, hint, isAlert, testId }: { label: string; value: ReactNode; hint?: string; isAlert?: boolean; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" fw={700} c={isAlert ? 'red' : undefined} data-testid={testId}>
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

function flagText(flags: { isWeekend: boolean; closure: string | null } | null): string {
  if (!flags) return '';
  return [flags.isWeekend ? 'weekend' : null, flags.closure ? `closed: ${flags.closure}` : null].filter(Boolean).join(', ');
}

/** A recurring service: both percentages with their fractions, and every missed session owed with its make-up window. */
function ServiceFigures({ compliance, term }: { compliance: TermComplianceResult; term: TermRecord }) {
  const service = compliance.service!;
  const owedExcludingAbsence = service.requiredMinutes - service.studentAbsenceMinutes;
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 6 }} spacing="sm">
        <Stat
          label="Required (scheduled)"
          value={formatAmount(service.requiredMinutes, 'minutes')}
          hint={`${formatCount(service.scheduledSessions, 'session')} on school days`}
        />
        <Stat
          label="Delivered"
          value={formatAmount(service.deliveredMinutes, 'minutes')}
          hint={service.creditedMakeupMinutes > 0 ? `incl. ${formatMinutes(service.creditedMakeupMinutes)} of make-ups` : undefined}
        />
        <Stat
          label="Delivered / required"
          value={formatPercent(service.percentOfRequired)}
          hint={`${formatMinutes(service.deliveredMinutes)} / ${formatMinutes(service.requiredMinutes)}`}
          testId="percent-of-required"
        />
        <Stat
          label="Delivered / (required − student absence)"
          value={formatPercent(service.percentExcludingAbsence)}
          hint={`${formatMinutes(service.deliveredMinutes)} / ${formatMinutes(owedExcludingAbsence)}`}
          testId="percent-excluding-absence"
        />
        <Stat label="Make-up open" value={formatAmount(service.openMinutes, 'minutes')} />
        <Stat label="Compensatory owed (expired)" value={formatAmount(service.expiredMinutes, 'minutes')} isAlert={service.expiredMinutes > 0} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Make-up clause: {MAKEUP_CLAUSE_LABELS[service.clause.kind]}
        {service.clause.kind === 'school_days_after' ? ` (${service.clause.schoolDays} school days)` : ''}
        {service.clause.kind === 'by_date' && term.makeupDeadline ? ` (${formatDate(term.makeupDeadline)})` : ''}
        {service.surplusMakeupMinutes > 0 ? ` · ${formatMinutes(service.surplusMakeupMinutes)} of make-ups found no open miss (surplus, not credited)` : ''}
        {service.unloggedMinutes > 0 ? ` · ${formatMinutes(service.unloggedMinutes)} of required sessions have no log entry` : ''}
      </Text>
      {service.items.length > 0 && (
        <Table
          verticalSpacing={4}
          fz="sm"
          aria-label={`Missed sessions owed: ${term.description}`}
          data-testid="owed-items"
          withTableBorder
          bg="var(--mantine-color-body)"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Missed on</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th ta="right">Minutes short</Table.Th>
              <Table.Th ta="right">Made up</Table.Th>
              <Table.Th>Make-up window ends</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Made up by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {service.items.map((item) => (
              <Table.Tr key={item.deliveryId} data-testid="owed-item" data-status={item.status} data-missed-on={item.missedOn}>
                <Table.Td>{formatDate(item.missedOn)}</Table.Td>
                <Table.Td>{DELIVERY_STATUS_LABELS[item.reason].replace('Missed - ', '')}</Table.Td>
                <Table.Td ta="right">{formatMinutes(item.minutesShort)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(item.minutesMadeUp)}</Table.Td>
                <Table.Td>{item.windowEnd ? formatDate(item.windowEnd) : 'not on the calendar'}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge color={ITEM_STATUS[item.status].color} variant="light" tt="none" radius="sm" data-testid="owed-item-status">
                      {ITEM_STATUS[item.status].label}
                    </Badge>
                    {item.status === 'open' && item.daysLeft !== null && (
                      <Text size="xs" c="dimmed">
                        {item.daysLeft === 0 ? 'last day today' : `${item.daysLeft} days left`}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{item.madeUpBy.map((use) => `${formatDate(use.on)} (${formatMinutes(use.minutes)})`).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

/** A compensatory award: % complete, started on time or late, pace, what each week still needs. */
function AwardFigures({ compliance }: { compliance: TermComplianceResult }) {
  const award = compliance.award;
  if (!award) return null;
  const unit = compliance.unit;
  return (
    <>
      <Group gap="sm" align="center">
        <Progress value={Math.min(100, award.percentComplete ?? 0)} w={260} size="lg" aria-label="Award complete" />
        <Text size="sm" fw={700} data-testid="award-complete">
          {formatPercent(award.percentComplete)} complete ({formatAmount(award.delivered, unit)} / {formatAmount(award.awarded, unit)})
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 6 }} spacing="sm">
        <Stat
          label="Started"
          value={award.hasStarted ? (award.daysLate > 0 ? `${award.daysLate} days late` : 'On time') : 'Not started'}
          hint={award.firstSessionOn ? `first session ${formatDate(award.firstSessionOn)}` : undefined}
          isAlert={award.daysLate > 0}
        />
        <Stat
          label="Pace (calendar window)"
          value={formatPercent(award.pacePercent)}
          hint={`${award.delivered} / ${award.expectedByNow} expected by now${(award.pacePercent ?? 0) > 100 ? ' · ahead' : ''}`}
          testId="award-pace"
        />
        <Stat label="Sessions left" value={award.sessionsLeft ?? '—'} hint={`${award.weeksLeft} weeks left`} />
        <Stat label="Sessions per week needed" value={award.sessionsPerWeekNeeded ?? '—'} testId="award-per-week" />
        <Stat label="Contracted maximum" value={award.maxSessionsPerWeek ? `${award.maxSessionsPerWeek} a week` : 'none stated'} />
        <Stat
          label="Can finish?"
          value={award.canFinish === null ? '—' : award.canFinish ? 'Yes' : 'No'}
          hint={award.projectedShortfall > 0 ? `projected shortfall ${formatAmount(award.projectedShortfall, unit)}` : undefined}
          isAlert={award.canFinish === false}
          testId="award-can-finish"
        />
      </SimpleGrid>
    </>
  );
}

/** Each instance of a recurring deliverable: due date (moved off non-school days), flags, met, late or missing. */
function DeliverableInstances({ compliance }: { compliance: TermComplianceResult }) {
  if (compliance.instances.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No instance has come due yet.
      </Text>
    );
  return (
    <Table verticalSpacing={4} fz="sm" aria-label="Deliverable instances" data-testid="deliverable-instances" withTableBorder bg="var(--mantine-color-body)">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Due (as written)</Table.Th>
          <Table.Th>Flags</Table.Th>
          <Table.Th>Due (school day)</Table.Th>
          <Table.Th>Done on</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {compliance.instances.map((instance) => (
          <Table.Tr key={instance.nominalDue} data-testid="deliverable-instance" data-status={instance.status}>
            <Table.Td>{formatDate(instance.nominalDue)}</Table.Td>
            <Table.Td>{flagText(instance.flags) || '—'}</Table.Td>
            <Table.Td>{formatDate(instance.due)}</Table.Td>
            <Table.Td>{instance.doneOn ? formatDate(instance.doneOn) : '—'}</Table.Td>
            <Table.Td>
              <Badge color={INSTANCE_STATUS[instance.status].color} variant="light" tt="none" radius="sm">
                {INSTANCE_STATUS[instance.status].label}
                {instance.status === 'late' ? `, ${instance.lateBy} days` : ''}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OccurrenceFigures({ compliance }: { compliance: TermComplianceResult }) {
  const unitWord = { calendar: 'days', business: 'business days', school: 'school days' }[compliance.lateUnit];
  const flags = flagText(compliance.dueFlags);
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Stat
        label="Due"
        value={compliance.dueDate ? formatDate(compliance.dueDate) : 'not known yet'}
        hint={flags ? `falls on: ${flags}` : undefined}
        isAlert={flags !== ''}
      />
      {compliance.partial && (
        <Stat
          label="Done"
          value={`${compliance.partial.done} of ${compliance.partial.total}${compliance.partial.label ? ` ${compliance.partial.label}` : ''}`}
          hint={formatPercent(compliance.compliancePercent)}
          testId="partial-progress"
        />
      )}
      {compliance.lateBy > 0 && <Stat label={compliance.isOverdue ? 'Overdue by' : 'Done late by'} value={`${compliance.lateBy} ${unitWord}`} isAlert />}
    </SimpleGrid>
  );
}

/** The figures of one term laid out for its kind (service, award, deliverable, one-off or payment). */
export function TermFigures({ compliance, term }: { compliance: TermComplianceResult; term: TermRecord }) {
  if (compliance.kind === 'service' && compliance.service) return <ServiceFigures compliance={compliance} term={term} />;
  if (compliance.kind === 'award') return <AwardFigures compliance={compliance} />;
  if (compliance.kind === 'deliverable') return <DeliverableInstances compliance={compliance} />;
  return <OccurrenceFigures compliance={compliance} />;
}
