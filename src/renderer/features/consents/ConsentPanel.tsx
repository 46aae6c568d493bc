import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { CONSENT_DECISION_LABELS, PROPOSAL_KIND_LABELS } from '@shared/consents/consent-rules';
import type { ConsentRecord } from '@shared/domain/consents';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { ConsentFormModal } from './ConsentFormModal';
import { useConsents, useDeleteConsent } from './useConsents';

const DECISION_COLORS: Record<ConsentRecord['decision'], string> = { pending: 'gray', full: 'teal', partial: 'orange', refused: 'red' };

function ConsentItem({ consent, onEdit, onDelete }: { consent: ConsentRecord; onEdit: () => void; onDelete: () => void }) {
  return (
    <Stack gap={4} data-testid="consent-item">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="sm" fw={500}>
            {consent.proposal}
          </Text>
          <Text size="xs" c="dimmed">
            {PROPOSAL_KIND_LABELS[consent.proposalKind]} · presented {formatDate(consent.presentedOn)}
            {consent.takenHomeOn ? ` · taken home ${formatDate(consent.takenHomeOn)}` : ''}
          </Text>
        </div>
        <Group gap={2} wrap="nowrap">
          <Button size="compact-xs" variant="subtle" color="gray" aria-label={`Edit consent record ${consent.proposal}`} onClick={onEdit}>
            Edit
          </Button>
          <Button size="compact-xs" variant="subtle" color="red" aria-label={`Delete consent record ${consent.proposal}`} onClick={onDelete}>
            Delete
          </Button>
        </Group>
      </Group>
      <Group gap={6}>
        <Badge color={DECISION_COLORS[consent.decision]} variant="light" tt="none">
          {CONSENT_DECISION_LABELS[consent.decision]}
          {consent.decidedOn ? ` · ${formatDate(consent.decidedOn)}` : ''}
        </Badge>
        {consent.disagreementAttachedOn && (
          <Badge color="gray" variant="outline" tt="none">
            Statement of disagreement
          </Badge>
        )}
        {consent.isMissingRequiredConsent && (
          <Badge color="red" variant="filled" tt="none">
            No consent on record
          </Badge>
        )}
      </Group>
      {consent.decision === 'partial' && (
        <Text size="sm" data-testid="partial-consent">
          Consented to: {consent.consentedParts}. Not consented to: {consent.withheldParts}.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {consent.isConsentRequired ? `Consent required: ${consent.requirementCitation}` : consent.requirementRule}
        {consent.verification === 'verify' ? ' (state preset: verify against current state law)' : ''}
        {consent.partialConsentRule ? ` ${consent.partialConsentRule.citation}: ${consent.partialConsentRule.rule}` : ''}
      </Text>
      {consent.answerNotBefore && consent.decision === 'pending' && (
        <Text size="xs" c="dimmed">
          The family has at least until {formatDate(consent.answerNotBefore.date)} to decide ({consent.answerNotBefore.citation}, verify).
        </Text>
      )}
      {consent.eventId !== null && (
        <Text size="xs" c="dimmed">
          On the timeline as the consent to evaluate: the evaluation clock counts from {formatDate(consent.decidedOn)}.
        </Text>
      )}
    </Stack>
  );
}

/** Consent status per proposal, on the case page beside the issues: partial consent is visible at a glance. */
export function ConsentPanel({ caseId }: { caseId: number }) {
  const { data } = useConsents(caseId);
  const [editing, setEditing] = useState<ConsentRecord | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ConsentRecord | null>(null);
  const remove = useDeleteConsent();
  return (
    <Paper withBorder radius="md" p="md" data-testid="consent-panel">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Consent
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => setEditing('new')}>
          Add
        </Button>
      </Group>
      {data && data.length === 0 && (
        <Text size="sm" c="dimmed">
          Record each proposal the district makes (an assessment plan, an IEP) and the family’s answer: taken home, consented, partial, refused.
        </Text>
      )}
      <Stack gap="md">
        {data?.map((consent) => (
          <ConsentItem key={consent.id} consent={consent} onEdit={() => setEditing(consent)} onDelete={() => setDeleting(consent)} />
        ))}
      </Stack>
      {editing && <ConsentFormModal caseId={caseId} consent={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete consent record"
        message={
          deleting?.eventId
            ? 'Delete this record? Its consent-to-evaluate entry leaves the timeline with it, and the evaluation clock no longer counts from it.'
            : 'Delete this consent record?'
        }
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() =>
          deleting &&
          void remove.mutateAsync({ id: deleting.id }).then(() => {
            notifySaved('Consent record deleted');
            setDeleting(null);
          }, notifyFailed)
        }
        onClose={() => setDeleting(null)}
      />
    </Paper>
  );
}
