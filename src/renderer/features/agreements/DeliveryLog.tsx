import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { formatMinutes } from '@shared/format';
import { DELIVERY_STATUS_LABELS, type DeliveryStatus } from '@shared/compliance/types';
import type { DeliveryRecord, OwedItemRecord, TermRecord } from '@shared/domain/agreements';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useCaseDocuments } from '../documents/useDocuments';
import { DeliveryEntryRow } from './DeliveryEntryRow';
import { useCreateDelivery, useDeleteDelivery, useDeliveries, useUpdateDelivery } from './useAgreements';
import { ariaRowCount, VirtualTableBody } from '../../components/VirtualTableBody';

const STATUS_COLORS: Record<DeliveryStatus, string> = {
  delivered: 'teal',
  cut_short: 'yellow',
  makeup: 'blue',
  missed_provider_absent: 'red',
  missed_provider_cancelled: 'red',
  missed_school_event: 'red',
  missed_student_absent: 'gray',
  missed_school_closed: 'gray',
  missed_family_cancelled: 'gray',
};
const COLUMN_COUNT = 7;
/** A school year of sessions is long; the latest few are what gets corrected. */
const INITIAL_ROWS = 12;

/** The session length a new line defaults to, when the schedule states one. */
function sessionMinutes(term: TermRecord): number | null {
  const schedule = term.schedule;
  if (schedule.kind === 'recurring') return schedule.minutesPerSession;
  if (schedule.kind === 'total') return schedule.minutesPerSession ?? null;
  return null;
}

/** A term's implementation log, newest first, with a quick-entry row on top. */
export function DeliveryLog({ caseId, term, owedItems = [] }: { caseId: number; term: TermRecord; owedItems?: OwedItemRecord[] }) {
  const { data: deliveries, isLoading, error, refetch } = useDeliveries(term.id);
  const { data: documents } = useCaseDocuments(caseId);
  const create = useCreateDelivery();
  const update = useUpdateDelivery();
  const remove = useDeleteDelivery();
  const [editingId, setEditingId] = useState<number | null>(null);
  const [deleting, setDeleting] = useState<DeliveryRecord | null>(null);
  const [isShowingAll, setIsShowingAll] = useState(false);
  const documentOptions = (documents ?? []).map((document) => ({ value: String(document.id), label: document.title }));
  const documentTitle = (id: number | null) => (id === null ? '' : (documents?.find((document) => document.id === id)?.title ?? `Document ${id}`));
  const allRows = (deliveries ?? []).toReversed();
  // A make-up can name the miss it replaces (a rescheduled session). Every miss is offered, newest
  // first: whether it was still open on the make-up's date is for the figures to say, not the list.
  const showCount =
    (term.schedule.kind === 'one_off' && term.schedule.totalCount != null) ||
    (term.schedule.kind === 'total' && term.schedule.minutesPerSession == null && term.schedule.totalMinutes == null);
  const replacesOptions = owedItems.toReversed().map((item) => ({
    value: String(item.deliveryId),
    label: `${formatDate(item.missedOn)} · ${DELIVERY_STATUS_LABELS[item.reason].replace('Missed - ', '').toLowerCase()} · ${formatMinutes(item.minutesShort)}`,
  }));
  const deliveryDate = (id: number | null) => (id === null ? null : (deliveries?.find((delivery) => delivery.id === id)?.deliveredOn ?? null));
  const rows = isShowingAll ? allRows : allRows.slice(0, INITIAL_ROWS);

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved('Session removed from the log');
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure, 'Could not remove the session');
    }
  }

  return (
    <>
      <Table
        verticalSpacing={6}
        fz="sm"
        aria-label={`Implementation log: ${term.description}`}
        data-testid="delivery-log"
        aria-rowcount={ariaRowCount(rows.length, 2)}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>Date</Table.Th>
            <Table.Th w={80}>Minutes</Table.Th>
            <Table.Th w={200}>Status</Table.Th>
            <Table.Th w={150}>Provider</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th w={150}>Evidence</Table.Th>
            <Table.Th w={120} />
          </Table.Tr>
        </Table.Thead>
        <VirtualTableBody
          items={rows}
          getKey={(delivery) => delivery.id}
          columnCount={COLUMN_COUNT}
          // A session's row is one line (35 px); one that replaces another carries a second.
          estimateRowHeight={35}
          // The entry row comes first, after the header.
          headerRowCount={2}
          leadingRow={
            <DeliveryEntryRow
              delivery={null}
              defaultProvider={term.provider ?? ''}
              defaultMinutes={sessionMinutes(term)}
              documentOptions={documentOptions}
              replacesOptions={replacesOptions}
              showCount={showCount}
              columnCount={COLUMN_COUNT}
              save={async (fields) => {
                await create.mutateAsync({ termId: term.id, fields });
                notifySaved(`Session of ${formatDate(fields.deliveredOn)} logged`);
              }}
            />
          }
          renderRow={(delivery, rowProps) =>
            editingId === delivery.id ? (
              <DeliveryEntryRow
                key={delivery.id}
                delivery={delivery}
                defaultProvider={term.provider ?? ''}
                defaultMinutes={sessionMinutes(term)}
                documentOptions={documentOptions}
                replacesOptions={replacesOptions}
                showCount={showCount}
                columnCount={COLUMN_COUNT}
                save={async (fields) => {
                  await update.mutateAsync({ id: delivery.id, fields });
                  notifySaved('Session saved');
                  setEditingId(null);
                }}
                onCancel={() => setEditingId(null)}
              />
            ) : (
              <Table.Tr key={delivery.id} {...rowProps} data-testid="delivery-row">
                <Table.Td>{formatDate(delivery.deliveredOn)}</Table.Td>
                <Table.Td>
                  {delivery.minutes ?? (
                    <Text span c="dimmed" size="sm" title="A full session of the term's length">
                      full
                    </Text>
                  )}
                  {delivery.count && delivery.count > 1 ? ` × ${delivery.count}` : ''}
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={STATUS_COLORS[delivery.status]}
                    variant="light"
                    tt="none"
                    radius="sm"
                    style={{ overflow: 'visible' }}
                    styles={{ label: { overflow: 'visible' } }}
                  >
                    {DELIVERY_STATUS_LABELS[delivery.status]}
                  </Badge>
                  {delivery.replacesDeliveryId !== null && (
                    <Text size="xs" c="dimmed" data-testid="replaces">
                      replaces {formatDate(deliveryDate(delivery.replacesDeliveryId))}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{delivery.provider}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {delivery.note}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate title={documentTitle(delivery.evidenceDocumentId)}>
                    {documentTitle(delivery.evidenceDocumentId)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEditingId(delivery.id)}
                      aria-label={`Edit the session of ${formatDate(delivery.deliveredOn)}`}
                    >
                      Edit
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDeleting(delivery)}
                      aria-label={`Delete the session of ${formatDate(delivery.deliveredOn)}`}
                    >
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          }
        />
      </Table>
      {allRows.length > rows.length && (
        <Group justify="center" py={6}>
          <Button size="xs" variant="subtle" onClick={() => setIsShowingAll(true)}>
            Show all {allRows.length} sessions
          </Button>
        </Group>
      )}
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {deliveries && deliveries.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="sm">
          No sessions logged yet. Type one in the row above, or import the provider's service log.
        </Text>
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete session"
        message={
          deleting
            ? `Remove the session of ${formatDate(deleting.deliveredOn)} (${DELIVERY_STATUS_LABELS[deleting.status].toLowerCase()}) from the log? The term's figures are recomputed without it.`
            : ''
        }
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
