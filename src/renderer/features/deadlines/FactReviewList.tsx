import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { UnconfirmedFact } from '@shared/domain/deadline-entities';
import { kindLabels } from '@shared/deadlines';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { useConfirmKind } from './useDeadlines';

function ReviewRow({ fact }: { fact: UnconfirmedFact }) {
  const confirm = useConfirmKind();
  const [kind, setKind] = useState<string | null>(fact.guessedKind);
  async function save() {
    try {
      await confirm.mutateAsync({ id: fact.eventId, kind: fact.kinds.length > 0 ? kind : null });
      notifySaved(`Kind confirmed: ${fact.title}`);
    } catch (failure) {
      notifyFailed(failure, 'Could not confirm the kind');
    }
  }
  return (
    <Group gap="sm" wrap="wrap" role="listitem" aria-label={`${fact.title}, kind unconfirmed`}>
      <Text size="sm" w={100} ff="monospace">
        {fact.occurredOn}
      </Text>
      <Text size="sm" style={{ flex: 1, minWidth: 180 }}>
        {fact.title}{' '}
        <Text span c="dimmed" size="xs">
          ({fact.typeLabel})
        </Text>
      </Text>
      {fact.kinds.length > 0 ? (
        <Select size="xs" w={220} data={fact.kinds} value={kind} onChange={setKind} allowDeselect={false} aria-label={`Kind of ${fact.title}`} />
      ) : (
        <Text size="xs" c="dimmed" w={220}>
          Check its school days and placement decision, then confirm
        </Text>
      )}
      <Button size="compact-xs" variant="light" loading={confirm.isPending} onClick={() => void save()}>
        Confirm
      </Button>
    </Group>
  );
}

/**
 * Facts carried over from before kinds whose kind was guessed. Never a blocking prompt: until
 * the advocate confirms, each deadline counts with the reading that gives the earlier date.
 */
export function FactReviewList({ facts }: { facts: UnconfirmedFact[] }) {
  if (facts.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      mx="md"
      mb="sm"
      title={`Kind unconfirmed: ${facts.length} ${facts.length === 1 ? 'entry' : 'entries'} to review`}
      data-testid="kind-review"
    >
      <Text size="xs" mb="xs">
        These were recorded before entries had a kind. Until you confirm, deadlines count with the reading that gives the earlier date
        {facts[0]?.guessedKind ? ` (e.g. “${kindLabels[facts[0].guessedKind] ?? facts[0].guessedKind}” for the first)` : ''}.
      </Text>
      <Stack gap={6} role="list">
        {facts.map((fact) => (
          <ReviewRow key={fact.eventId} fact={fact} />
        ))}
      </Stack>
    </Alert>
  );
}
