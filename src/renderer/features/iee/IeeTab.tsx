import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { IeeRequest } from '@shared/domain/iee-entities';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useContactList } from '../contacts/useContacts';
import { IeeModal } from './IeeModal';
import { IeeRequestCard } from './IeeRequestCard';
import { useCaseMeetings, useDeleteIee, useIeeRequests } from './useIee';

/** The case's independent educational evaluation requests (34 CFR 300.502), newest first as main returns them. */
export function IeeTab({ caseId }: { caseId: number }) {
  const { data, isLoading, error, refetch } = useIeeRequests(caseId);
  const { data: contacts } = useContactList();
  const { data: meetings } = useCaseMeetings(caseId);
  const [editing, setEditing] = useState<IeeRequest | 'new' | null>(null);
  const [deleting, setDeleting] = useState<IeeRequest | null>(null);
  const remove = useDeleteIee();

  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved('IEE request deleted');
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h4">
              IEE requests
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              When the parent disagrees with a district evaluation, the district must, without unnecessary delay, either ensure an independent evaluation at
              public expense or file for due process (34 CFR 300.502(b)).
            </Text>
          </div>
          <Button onClick={() => setEditing('new')} style={{ flexShrink: 0 }}>
            Record IEE request
          </Button>
        </Group>
      </Paper>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && data.length === 0 && (
        <EmptyState
          title="No IEE requests"
          description="Record the parent’s written request for an independent educational evaluation; the tracker then counts how long the district stays silent."
          action={
            <Button variant="light" onClick={() => setEditing('new')}>
              Record the first request
            </Button>
          }
        />
      )}
      {data && data.length > 0 && (
        <Stack gap="sm" role="list" aria-label="IEE requests">
          {data.map((request) => (
            <IeeRequestCard
              key={request.id}
              request={request}
              evaluator={contacts?.find((contact) => contact.id === request.evaluatorContactId)}
              meeting={meetings?.find((meeting) => meeting.id === request.consideredAtMeetingId)}
              onEdit={() => setEditing(request)}
              onDelete={() => setDeleting(request)}
            />
          ))}
        </Stack>
      )}
      {editing && <IeeModal caseId={caseId} request={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete IEE request"
        message={`Delete the IEE request for “${deleting?.disputedEvaluation ?? ''}”? Its response deadline goes with it. This cannot be undone.`}
        confirmLabel="Delete request"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
