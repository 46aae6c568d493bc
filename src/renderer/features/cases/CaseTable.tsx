import { Badge, Table } from '@mantine/core';
import { memo, useCallback, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CaseListItem } from '@shared/domain/entities';
import { StageBadge } from '../../components/StageBadge';
import { TruncatedCell } from '../../components/TruncatedCell';
import text from '../../components/text.module.css';
import { ariaRowCount, VirtualTableBody, type VirtualRowProps } from '../../components/VirtualTableBody';
import { formatCount } from '@shared/format';
import { formatDate } from '../../lib/dates';
import { FamilyName, familyLabel } from '../../components/FamilyName';
import { dueLabel } from '../deadlines/deadline-labels';

interface CaseTableProps {
  cases: CaseListItem[];
  showFamily?: boolean;
}

/** The caseload rows: a click or Enter opens the case. */
export function CaseTable({ cases, showFamily = true }: CaseTableProps) {
  const navigate = useNavigate();
  const open = useCallback((id: number) => void navigate(`/cases/${id}`), [navigate]);

  return (
    <Table.ScrollContainer minWidth={0} type="native">
      <Table highlightOnHover stickyHeader layout="fixed" aria-label="Cases" aria-rowcount={ariaRowCount(cases.length)}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="14%">Student</Table.Th>
            {showFamily && <Table.Th w="12%">Family</Table.Th>}
            <Table.Th>Case</Table.Th>
            <Table.Th w={172}>Stage</Table.Th>
            <Table.Th w="12%">District</Table.Th>
            <Table.Th w={152}>Next deadline</Table.Th>
            <Table.Th w={128}>Last activity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <VirtualTableBody
          items={cases}
          getKey={(item) => item.id}
          columnCount={showFamily ? 7 : 6}
          estimateRowHeight={50}
          renderRow={(item, rowProps) => <CaseRow key={item.id} item={item} showFamily={showFamily} onOpen={open} rowProps={rowProps} />}
        />
      </Table>
    </Table.ScrollContainer>
  );
}

interface CaseRowProps {
  item: CaseListItem;
  showFamily: boolean;
  onOpen: (id: number) => void;
  rowProps: VirtualRowProps;
}

/** One row; memoized, so filtering re-renders only the rows that appear, not the ones that stay. */
const CaseRow = memo(
  function CaseRow({ item, showFamily, onOpen, rowProps }: CaseRowProps) {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onOpen(item.id);
      }
    };
    return (
      <Table.Tr
        {...rowProps}
        tabIndex={0}
        onClick={() => onOpen(item.id)}
        onKeyDown={onKeyDown}
        style={{ cursor: 'pointer' }}
        aria-label={`${item.studentName}${item.familyHint ? ` (${familyLabel(item.familyName, item.familyHint)})` : ''}: ${item.title}`}
        data-testid="case-row"
      >
        <TruncatedCell isStrong title={item.studentName}>
          {item.studentName}
        </TruncatedCell>
        {showFamily && (
          <TruncatedCell title={familyLabel(item.familyName, item.familyHint)}>
            <FamilyName name={item.familyName} hint={item.familyHint} />
          </TruncatedCell>
        )}
        <Table.Td>
          <div className={text.nowrapRow}>
            <p className={text.sm} style={{ overflowWrap: 'anywhere' }}>
              {item.title}
            </p>
            {item.archivedAt && (
              <Badge size="xs" color="gray" variant="outline" style={{ flexShrink: 0 }}>
                Archived
              </Badge>
            )}
          </div>
        </Table.Td>
        <Table.Td>
          <StageBadge stage={item.stage} />
        </Table.Td>
        <TruncatedCell title={item.districtName ?? undefined}>{item.districtName ?? <span className={text.dimmed}>—</span>}</TruncatedCell>
        <NextDeadlineCell item={item} />
        <Table.Td title={item.lastEventOn ? undefined : 'Nothing logged up to today: the date the case was opened'}>
          <p className={`${text.sm} ${text.truncate}${item.lastEventOn ? '' : ` ${text.dimmed}`}`}>{formatDate(item.lastEventOn ?? item.openedOn)}</p>
          <p className={`${text.xs} ${text.dimmed} ${text.truncate}`} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="event-count">
            {formatCount(item.eventCount, 'event')}
          </p>
        </Table.Td>
      </Table.Tr>
    );
  },
  (left, right) =>
    left.item === right.item &&
    left.showFamily === right.showFamily &&
    left.onOpen === right.onOpen &&
    left.rowProps['data-index'] === right.rowProps['data-index'] &&
    left.rowProps.ref === right.rowProps.ref,
);

/** The date of the case's next open deadline, and how far off it is (red when overdue, orange within a week). */
function NextDeadlineCell({ item }: { item: CaseListItem }) {
  const next = item.nextDeadline;
  if (!next) {
    return (
      <Table.Td>
        <span className={`${text.sm} ${text.dimmed}`}>—</span>
      </Table.Td>
    );
  }
  const isOverdue = next.daysUntil < 0;
  const more = item.overdueCount > 1 ? ` (${item.overdueCount} overdue)` : '';
  return (
    <Table.Td title={`${next.title}: ${formatDate(next.dueOn)}`} data-testid="next-deadline" data-due={next.dueOn}>
      <p className={`${text.sm} ${text.truncate}`}>{formatDate(next.dueOn)}</p>
      <p
        className={`${text.xs} ${text.truncate}${isOverdue ? ` ${text.strong}` : ''}${!isOverdue && next.daysUntil > 6 ? ` ${text.dimmed}` : ''}`}
        style={isOverdue || next.daysUntil <= 6 ? { color: `var(--mantine-color-${isOverdue ? 'red' : 'orange'}-text)` } : undefined}
      >
        {dueLabel(next.daysUntil)}
        {more}
      </p>
    </Table.Td>
  );
}
