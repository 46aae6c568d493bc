import { Anchor, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { MEETING_ITEM_KIND_LABELS, type MeetingItem } from '@shared/domain/meeting-items';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/dates';
import { KIND_COLORS, ReflectedModal } from './MeetingItemsPanel';
import { useCaseMeetingItems } from './useMeetings';

/**
 * The case's checklist: every refusal, tabled item and verbal promise from its meetings that no
 * prior written notice or IEP reflects yet, oldest meeting first, each ticked when one does.
 */
export function FollowUpChecklist({ caseId }: { caseId: number }) {
  const { data } = useCaseMeetingItems(caseId);
  const [ticking, setTicking] = useState<MeetingItem | null>(null);
  const open = data?.items.filter((item) => item.reflectedIn === null) ?? [];
  const done = (data?.items.length ?? 0) - open.length;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="follow-up-checklist-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="follow-up-checklist-title">
          Waiting for the written record
        </Title>
        <Text size="sm" c="dimmed">
          Refusals, tabled items and verbal promises from the meetings, until a prior written notice or the IEP reflects them
          {done > 0 ? ` (${done} already reflected)` : ''}.
        </Text>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing waiting.
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label="Follow-up checklist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>Meeting</Table.Th>
                <Table.Th w={150}>Kind</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th w={150}>In writing</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {open.map((item) => (
                <Table.Tr key={item.id} data-testid="checklist-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/meetings/${item.meetingId}?tab=follow-up`} size="sm">
                      {formatDate(item.meetingHeldAt.slice(0, 10))}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={KIND_COLORS[item.kind]} variant="light" tt="none" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
                      {MEETING_ITEM_KIND_LABELS[item.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.what}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="default" onClick={() => setTicking(item)} aria-label={`In PWN or IEP… (${item.what})`}>
                      In PWN or IEP…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {ticking && <ReflectedModal item={ticking} meetingDate={ticking.meetingHeldAt.slice(0, 10)} onClose={() => setTicking(null)} />}
    </Paper>
  );
}
