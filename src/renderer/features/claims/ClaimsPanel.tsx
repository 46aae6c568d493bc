import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES, claimFields, type ClaimRecord, type ClaimStatus } from '@shared/domain/deadline-entities';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormErrors } from '../../components/FormErrors';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useClaims, useCreateClaim, useDeleteClaim, useUpdateClaim } from '../deadlines/useDeadlines';

const STATUS_OPTIONS = CLAIM_STATUSES.map((status) => ({ value: status, label: CLAIM_STATUS_LABELS[status] }));
const STATUS_COLORS: Record<ClaimStatus, string> = { open: 'blue', in_negotiation: 'orange', resolved: 'teal', withdrawn: 'gray' };

function ClaimModal({ caseId, claim, onClose }: { caseId: number; claim: ClaimRecord | null; onClose: () => void }) {
  const create = useCreateClaim();
  const update = useUpdateClaim();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: {
      issue: claim?.issue ?? '',
      violationOn: claim?.violationOn ?? '',
      knewOn: claim?.knewOn ?? '',
      stateComplaintFiledOn: claim?.stateComplaintFiledOn ?? '',
      dueProcessFiledOn: claim?.dueProcessFiledOn ?? '',
      notes: claim?.notes ?? '',
      proposedResolution: claim?.proposedResolution ?? '',
      status: claim?.status ?? 'open',
    },
    schema: claimFields,
    save: (fields) => (claim ? update.mutateAsync({ id: claim.id, fields }) : create.mutateAsync({ caseId, fields })),
    successMessage: (saved) => (claim ? 'Claim saved' : `Claim “${saved.issue}” added`),
    onSaved: onClose,
  });
  return (
    <Modal opened onClose={onClose} title={claim ? 'Edit claim' : 'Add claim'} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Issue in dispute"
            withAsterisk
            autoFocus
            placeholder="e.g. Speech-language minutes not delivered since September"
            {...field('issue')}
          />
          <Group grow align="flex-start">
            <DateField label="Date of the alleged violation" description="State complaint: 1 year (34 CFR 300.153(c))" {...field('violationOn')} />
            <DateField label="Parent knew or should have known" description="Due process: 2 years or the state's limit (300.507(a)(2))" {...field('knewOn')} />
          </Group>
          <Group grow align="flex-start">
            <DateField label="Filed in a state complaint on" description="Closes the state complaint limit" {...field('stateComplaintFiledOn')} />
            <DateField label="Filed in a due process complaint on" description="Closes the due process limit" {...field('dueProcessFiledOn')} />
          </Group>
          <Textarea
            label="Proposed resolution"
            description="What the family asks for on this issue: the position statement and the binder's issues tab print it"
            autosize
            minRows={2}
            maxRows={6}
            {...field('proposedResolution')}
          />
          <Select label="Status" data={STATUS_OPTIONS} allowDeselect={false} w={220} {...field('status')} />
          <Textarea label="Notes" description="Your own notes, not printed in letters or binders" autosize minRows={2} maxRows={6} {...field('notes')} />
          <FormErrors message={formError} />
          <FormActions submitLabel={claim ? 'Save claim' : 'Add claim'} isSaving={isSaving} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

function LimitCell({ date, filedOn }: { date: string | null; filedOn: string | null }) {
  if (!date)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const today = todayIso();
  const isPast = date < today;
  const days = Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000);
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={date}>{formatDate(date)}</time>
      </Text>
      {filedOn ? (
        <Badge size="xs" color="teal" variant="light" tt="none">
          filed {formatDate(filedOn)}
        </Badge>
      ) : isPast ? (
        <Badge size="xs" color="gray" variant="outline" tt="none">
          passed
        </Badge>
      ) : (
        <Badge size="xs" color={days <= 90 ? 'red' : 'gray'} variant={days <= 90 ? 'filled' : 'light'} tt="none">
          {days} days left
        </Badge>
      )}
    </Stack>
  );
}

/**
 * The issues in dispute with the family's own filing limits: the clocks where a miss costs the
 * family its claims, so they sit at the top of the deadlines tab.
 */
export function ClaimsPanel({ caseId }: { caseId: number }) {
  const { data } = useClaims(caseId);
  const [editing, setEditing] = useState<ClaimRecord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ClaimRecord | null>(null);
  const remove = useDeleteClaim();
  async function confirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ id: deleting.id });
      notifySaved('Claim deleted');
      setDeleting(null);
    } catch (failure) {
      notifyFailed(failure);
    }
  }
  return (
    <Stack gap="xs" px="md" pb="sm" data-testid="claims-panel">
      <Group justify="space-between">
        <Title order={4} size="h5">
          Claims and filing limits
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
          Add claim
        </Button>
      </Group>
      {data && data.length === 0 && (
        <Text size="xs" c="dimmed">
          List each issue in dispute with the date of the violation and when the parent knew or should have known: the state complaint and due process limits
          count from them.
        </Text>
      )}
      {data && data.length > 0 && (
        <Table fz="sm" verticalSpacing={4} aria-label="Claims and filing limits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Issue</Table.Th>
              <Table.Th>State complaint by</Table.Th>
              <Table.Th>Due process by</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((claim) => (
              <Table.Tr key={claim.id}>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm">{claim.issue}</Text>
                    {claim.proposedResolution && (
                      <Text size="xs" c="dimmed">
                        Proposed: {claim.proposedResolution}
                      </Text>
                    )}
                    <Badge size="xs" variant="light" color={STATUS_COLORS[claim.status]} tt="none">
                      {CLAIM_STATUS_LABELS[claim.status]}
                    </Badge>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <LimitCell date={claim.stateComplaintLimit} filedOn={claim.stateComplaintFiledOn} />
                </Table.Td>
                <Table.Td>
                  <LimitCell date={claim.dueProcessLimit} filedOn={claim.dueProcessFiledOn} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Edit claim ${claim.issue}`} onClick={() => setEditing(claim)}>
                      Edit
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" aria-label={`Delete claim ${claim.issue}`} onClick={() => setDeleting(claim)}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <ClaimModal caseId={caseId} claim={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete claim"
        message={`Delete the claim “${deleting?.issue ?? ''}” and its filing limits?`}
        confirmLabel="Delete claim"
        isPending={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
