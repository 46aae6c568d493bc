import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { TERM_CATEGORY_LABELS } from '@shared/compliance/types';
import type { AgreementDetail } from '@shared/domain/agreements';
import { Fragment, type ReactNode } from 'react';
import { formatDate } from '../../lib/dates';
import { DeliveryLog } from './DeliveryLog';
import { TermFigures } from './TermFigures';
import { TermStatusBadge } from './TermStatusBadge';
import { formatAmount, formatPercent } from './agreement-format';

export type TermEntry = AgreementDetail['terms'][number];
const COLUMN_COUNT = 10;

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

function Chevron({ isOpen }: { isOpen: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      aria-hidden="true"
      style={{ transform: isOpen ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
    >
      <path d="M9 6l6 6-6 6" />
    </svg>
  );
}

interface TermsTableProps {
  caseId: number;
  terms: TermEntry[];
  expandedIds: number[];
  onToggle: (termId: number) => void;
  onEdit: (entry: TermEntry) => void;
  onDelete: (entry: TermEntry) => void;
  onImport: (entry: TermEntry) => void;
}

/** Each term's figures on one line; a row opens to the sentence that explains them and the log behind them. */
export function TermsTable({ caseId, terms, expandedIds, onToggle, onEdit, onDelete, onImport }: TermsTableProps) {
  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table
        verticalSpacing="xs"
        horizontalSpacing="xs"
        highlightOnHover
        aria-label="Terms"
        styles={{ td: { fontVariantNumeric: 'tabular-nums' } }}
        data-testid="terms-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32} />
            <Table.Th miw={180}>Term</Table.Th>
            <Table.Th ta="right">Owed</Table.Th>
            <Table.Th ta="right">Delivered</Table.Th>
            <Table.Th ta="right">Shortfall</Table.Th>
            <Table.Th ta="right" title="Services: delivered / (required − student absence). Awards: % complete. Partial obligations: x of n.">
              Compliance
            </Table.Th>
            <Table.Th ta="right" title="Missed sessions still within their make-up windows">
              Make-up open
            </Table.Th>
            <Table.Th ta="right" title="Expired make-up (and unfinished overdue awards): compensatory time owed">
              Compensatory
            </Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th w={1} className="action-cell">
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.map((entry) => {
            const { term, compliance } = entry;
            const isOpen = expandedIds.includes(term.id);
            const amount = (value: number) => formatAmount(value, compliance.unit);
            return (
              <Fragment key={term.id}>
                <Table.Tr data-testid="term-row" data-term-id={term.id} style={{ cursor: 'pointer' }} onClick={() => onToggle(term.id)}>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={isOpen}
                      aria-label={`${isOpen ? 'Hide' : 'Show'} the explanation and log of ${term.description}`}
                      onClick={(event) => {
                        event.stopPropagation();
                        onToggle(term.id);
                      }}
                    >
                      <Chevron isOpen={isOpen} />
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} data-testid="term-description">
                      {term.description}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {TERM_CATEGORY_LABELS[term.category]} · {term.scheduleText}
                      {term.provider ? ` · ${term.provider}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{amount(compliance.owed)}</Table.Td>
                  <Table.Td ta="right" data-testid="term-delivered">
                    {amount(compliance.delivered)}
                  </Table.Td>
                  <Table.Td ta="right" c={compliance.shortfall > 0 ? 'red' : undefined}>
                    {amount(compliance.shortfall)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600} data-testid="term-compliance">
                    {formatPercent(compliance.compliancePercent)}
                  </Table.Td>
                  <Table.Td ta="right" data-testid="term-makeup-open">
                    {amount(compliance.openMakeup)}
                  </Table.Td>
                  <Table.Td ta="right" c={compliance.compensatoryOwed > 0 ? 'red' : undefined} data-testid="term-compensatory">
                    {amount(compliance.compensatoryOwed)}
                  </Table.Td>
                  <Table.Td>
                    <TermStatusBadge status={compliance.status} data-testid="term-status" />
                  </Table.Td>
                  <Table.Td className="action-cell" onClick={(event) => event.stopPropagation()}>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => onEdit(entry)} aria-label={`Edit ${term.description}`}>
                        Edit
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr data-testid="term-details">
                    <Table.Td colSpan={COLUMN_COUNT} bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))" p="md">
                      <Stack gap="sm">
                        <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-body)">
                          <Text size="sm" data-testid="term-explanation">
                            {compliance.explanation}
                          </Text>
                        </Paper>
                        <TermFigures compliance={compliance} term={term} />
                        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
                          <Detail label="Schedule">{term.scheduleText}</Detail>
                          <Detail label="Location">{term.location}</Detail>
                          <Detail label="Runs">
                            {term.startsOn ? formatDate(term.startsOn) : 'From signing'} – {term.endsOn ? formatDate(term.endsOn) : 'no end date'}
                          </Detail>
                          <Detail label="Review dates">{term.reviewDates.map((date) => formatDate(date)).join(', ')}</Detail>
                          <Detail label="Make-up rule">{term.makeupRule}</Detail>
                          {term.makeupClause.kind === 'by_date' && <Detail label="Make-up deadline">{formatDate(term.makeupDeadline)}</Detail>}
                          <Detail label="Goal">{term.goal}</Detail>
                          {compliance.missedReviewDates.length > 0 && (
                            <Detail label="Missed reviews">{compliance.missedReviewDates.map((date) => formatDate(date)).join(', ')}</Detail>
                          )}
                        </SimpleGrid>
                        <Group justify="space-between">
                          <Text fw={600} size="sm">
                            Implementation log
                          </Text>
                          <Group gap="xs">
                            <Button size="xs" variant="default" onClick={() => onImport(entry)}>
                              Import service log (CSV)…
                            </Button>
                            <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(entry)}>
                              Delete term
                            </Button>
                          </Group>
                        </Group>
                        <Paper withBorder radius="sm" bg="var(--mantine-color-body)">
                          <DeliveryLog caseId={caseId} term={term} owedItems={compliance.service?.items ?? []} />
                        </Paper>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
