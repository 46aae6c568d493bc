import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { AuditVerification } from '@shared/domain/protection';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { errorMessage } from '../../lib/form-errors';
import { useFamilyList } from '../families/useFamilies';
import { formatTimestamp, humanize } from './format';
import { SettingsCard } from './SettingsCard';
import { useAuditPage, useVerifyAudit } from './useSettings';

const PAGE_SIZE = 50;

const ACTION_COLORS: Record<string, string> = { create: 'teal', update: 'blue', delete: 'red', purge: 'red', export: 'orange', link: 'gray', unlink: 'gray' };

function VerificationResult({ result }: { result: AuditVerification }) {
  if (result.isIntact) {
    return (
      <Alert color="teal" variant="light" title="The audit trail is intact" role="status">
        <Text size="sm">{result.count === 1 ? 'The one entry was' : `All ${result.count} entries were`} checked: none was edited, removed or reordered.</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" title="The audit trail has been altered" role="alert">
      <Text size="sm">
        {result.firstBrokenId !== null ? `The first entry that does not match is #${result.firstBrokenId}. ` : ''}
        {result.reason ?? ''} {result.count} {result.count === 1 ? 'entry was' : 'entries were'} checked.
      </Text>
    </Alert>
  );
}

/**
 * The audit trail as recorded: when, what was done to which record, by id. It never shows names or
 * notes (a purged family leaves only its id here), so it can be shown to a reviewer as it is.
 */
export function AuditLog() {
  const [familyId, setFamilyId] = useState<number | null>(null);
  // The last entry id of each earlier page: paging back pops, paging on pushes.
  const [cursors, setCursors] = useState<number[]>([]);
  const beforeId = cursors.at(-1) ?? null;
  const { data, isLoading, error, refetch, isFetching } = useAuditPage(familyId, beforeId, PAGE_SIZE);
  const families = useFamilyList('');
  const verify = useVerifyAudit();

  function filterBy(next: number | null) {
    setFamilyId(next);
    setCursors([]);
  }

  const familyOptions = (families.data ?? []).map((family) => ({ value: String(family.id), label: `${family.name} (#${family.id})` }));
  if (familyId !== null && !familyOptions.some((option) => option.value === String(familyId))) {
    familyOptions.unshift({ value: String(familyId), label: `Family #${familyId} (no longer in the vault)` });
  }
  const entries = data?.entries ?? [];

  return (
    <SettingsCard
      title="Audit log"
      description="Every change, export and purge is recorded here by record id, never by name. Each entry is chained to the one before it, so an edited or deleted entry is detected."
      actions={
        <Button variant="default" onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify chain
        </Button>
      }
    >
      {verify.data && <VerificationResult result={verify.data} />}
      {verify.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(verify.error)}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end">
        <Select
          label="Family"
          placeholder="All families"
          data={familyOptions}
          value={familyId === null ? null : String(familyId)}
          onChange={(value) => filterBy(value ? Number(value) : null)}
          clearable
          searchable
          w={320}
        />
        <Text size="sm" c="dimmed">
          {entries.length > 0 && `Page ${cursors.length + 1} · entries #${entries[0]!.id}–#${entries.at(-1)!.id}`}
        </Text>
      </Group>
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {data && entries.length === 0 && (
        <EmptyState title="No audit entries" description={familyId === null ? 'Entries appear as soon as something is recorded.' : 'Nothing was recorded for this family.'} />
      )}
      {entries.length > 0 && (
        <Paper withBorder radius="sm" style={{ overflow: 'hidden', opacity: isFetching ? 0.7 : 1 }}>
          <Table aria-label="Audit log" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>Entry</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Record</Table.Th>
                <Table.Th ta="right">Record id</Table.Th>
                <Table.Th ta="right">Family id</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-testid="audit-row">
                  <Table.Td c="dimmed">#{entry.id}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(entry.at, true)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ACTION_COLORS[entry.action] ?? 'gray'}>
                      {humanize(entry.action)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{humanize(entry.entity)}</Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {entry.entityId ?? '—'}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {entry.familyId === null ? (
                      '—'
                    ) : (
                      <Anchor component="button" type="button" size="sm" ff="monospace" onClick={() => filterBy(entry.familyId)} title="Show only this family">
                        {entry.familyId}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {(cursors.length > 0 || data?.hasMore) && (
        <Stack align="flex-end">
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={cursors.length === 0} onClick={() => setCursors((current) => current.slice(0, -1))}>
              ← Newer
            </Button>
            <Button variant="default" size="xs" disabled={!data?.hasMore} onClick={() => setCursors((current) => [...current, entries.at(-1)!.id])}>
              Older →
            </Button>
          </Group>
        </Stack>
      )}
    </SettingsCard>
  );
}
