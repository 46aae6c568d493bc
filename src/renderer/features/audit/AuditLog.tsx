import { Alert, Anchor, Badge, Button, Code, CopyButton, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AuditVerification } from '@shared/domain/protection';
import { EmptyState } from '../../components/EmptyState';
import { QueryState } from '../../components/QueryState';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';
import { useFamilyList } from '../families/useFamilies';
import { familyLabel } from '../../components/FamilyName';
import { formatTimestamp, humanize } from '../settings/format';
import { SettingsCard } from '../settings/SettingsCard';
import { useAuditPage, useVerifyAudit } from '../settings/useSettings';
import { ariaRowCount, VirtualTableBody } from '../../components/VirtualTableBody';

const PAGE_SIZE = 50;

const ACTION_COLORS: Record<string, string> = { create: 'teal', update: 'blue', delete: 'red', purge: 'red', export: 'orange', link: 'gray', unlink: 'gray' };

/** The same text `cli audit-verify --head` prints, so an exported head can be pasted back either way. */
function headText(head: { id: number; hash: string }): string {
  return `advocate-desk audit head #${head.id} sha256:${head.hash}`;
}

/** Reads a pasted head ('#123 sha256:…', '123:…'); null when it is not one. */
export function parseHead(text: string): { id: number; hash: string } | null {
  const match = /^\s*(?:advocate-desk audit head\s+)?#?(\d{1,15})\s*[: ]\s*(?:sha256:)?([0-9a-fA-F]{64})\s*$/.exec(text);
  return match && Number(match[1]) >= 1 ? { id: Number(match[1]), hash: match[2]!.toLowerCase() } : null;
}

function ChainHead({ head }: { head: NonNullable<AuditVerification['head']> }) {
  const text = headText(head);
  const [isSaving, setIsSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function saveToFile() {
    setIsSaving(true);
    setSaveError(null);
    try {
      // Main writes the head it reads from the vault (not this text) where the save dialog says.
      const outcome = await call('audit.exportHead');
      if (outcome.savedPath) notifySaved(`The chain head was saved to ${outcome.savedPath}`);
    } catch (failure) {
      setSaveError(errorMessage(failure));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Stack gap={4}>
      <Text size="sm">
        Current chain head. Keep a copy outside this computer (print it, or e-mail it to yourself): verifying later against it shows whether anyone rewrote the
        trail since.
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {/* The head wraps; the buttons keep their full labels at any width. */}
        <Code style={{ wordBreak: 'break-all', flex: 1, minWidth: 0 }}>{text}</Code>
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} style={{ flexShrink: 0 }}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
        <Button size="xs" variant="default" onClick={() => void saveToFile()} loading={isSaving} style={{ flexShrink: 0 }}>
          Save to file…
        </Button>
      </Group>
      {saveError && (
        <Text size="sm" c="red" role="alert">
          {saveError}
        </Text>
      )}
    </Stack>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const anchors =
    result.anchorsChecked === 0
      ? 'No backup manifest or exported head was available to compare with.'
      : `Compared with ${result.anchorsChecked} ${result.anchorsChecked === 1 ? 'anchor' : 'anchors'} kept outside the vault (backup manifests and any head you entered).`;
  if (result.isIntact) {
    return (
      <Alert color="teal" variant="light" title="The audit trail is intact" role="status">
        <Stack gap="xs">
          <Text size="sm">
            {result.count === 1 ? 'The one entry was' : `All ${result.count} entries were`} checked: none was edited, removed or reordered. {anchors}
          </Text>
          {result.head && <ChainHead head={result.head} />}
        </Stack>
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
  const [anchorText, setAnchorText] = useState('');
  const anchor = anchorText.trim() ? parseHead(anchorText) : null;
  const anchorError = anchorText.trim() && !anchor ? 'Paste a head as exported: “advocate-desk audit head #123 sha256:…”' : null;

  function filterBy(next: number | null) {
    setFamilyId(next);
    setCursors([]);
  }

  const familyOptions = (families.data ?? []).map((family) => ({ value: String(family.id), label: familyLabel(family.name, family.hint) }));
  if (familyId !== null && !familyOptions.some((option) => option.value === String(familyId))) {
    familyOptions.unshift({ value: String(familyId), label: `Family #${familyId} (no longer in the vault)` });
  }
  const entries = data?.entries ?? [];

  return (
    <SettingsCard
      title="Audit log"
      description="Every change, export and purge is recorded here by record id, never by name. Each entry is chained to the one before it, so an edited or deleted entry is detected."
      actions={
        <Button variant="default" onClick={() => verify.mutate(anchor ? [anchor] : [])} loading={verify.isPending} disabled={anchorError !== null}>
          Verify chain
        </Button>
      }
    >
      <TextInput
        label="Compare with a head you kept (optional)"
        placeholder="advocate-desk audit head #123 sha256:…"
        value={anchorText}
        onChange={(event) => setAnchorText(event.currentTarget.value)}
        error={anchorError}
      />
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
        <EmptyState
          title="No audit entries"
          description={familyId === null ? 'Entries appear as soon as something is recorded.' : 'Nothing was recorded for this family.'}
        />
      )}
      {entries.length > 0 && (
        <Paper withBorder radius="sm" style={{ overflow: 'hidden', opacity: isFetching ? 0.7 : 1 }}>
          <Table aria-label="Audit log" striped aria-rowcount={ariaRowCount(entries.length)}>
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
            <VirtualTableBody
              items={entries}
              getKey={(entry) => entry.id}
              columnCount={6}
              renderRow={(entry, rowProps) => (
                <Table.Tr {...rowProps} key={entry.id} data-testid="audit-row">
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
              )}
            />
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
