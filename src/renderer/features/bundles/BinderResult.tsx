import { Alert, Button, Group, List, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { BinderBuildResult } from '@shared/domain/documents';
import { formatCount, pluralWord } from '@shared/format';
import { formatDate } from '../../lib/dates';
import { useState } from 'react';
import { call } from '../../api/client';
import { errorMessage } from '../../lib/form-errors';

/** The built binder: save it where the user picks, and check its index and what was left out. */
export function BinderResult({ result, onBack }: { result: BinderBuildResult; onBack: () => void }) {
  const [save, setSave] = useState<{ kind: 'idle' | 'saving' } | { kind: 'saved'; path: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  async function saveBinder() {
    setSave({ kind: 'saving' });
    try {
      // Main shows the save dialog and writes the PDF there; the bytes never come to this window.
      const outcome = await call('files.saveExport', { exportId: result.exportId });
      setSave(outcome.savedPath ? { kind: 'saved', path: outcome.savedPath } : { kind: 'idle' });
    } catch (error) {
      setSave({ kind: 'failed', message: errorMessage(error) });
    }
  }
  return (
    <Stack gap="sm">
      <Alert color="teal" variant="light" title="The binder is ready">
        <Group justify="space-between" align="center">
          <Text size="sm" data-testid="binder-summary">
            {result.fileName} · {formatCount(result.pageCount, 'page')} · {formatCount(result.index.length, 'exhibit')}
          </Text>
          <Button onClick={() => void saveBinder()} loading={save.kind === 'saving'}>
            Save binder PDF…
          </Button>
        </Group>
        {save.kind === 'saved' && (
          <Text size="sm" mt={4} data-testid="binder-saved-path">
            Saved to {save.path}
          </Text>
        )}
      </Alert>
      {save.kind === 'failed' && (
        <Alert color="red" variant="light" role="alert" title="The binder was not saved">
          {save.message}
        </Alert>
      )}
      {result.skipped.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={`${formatCount(result.skipped.length, 'document')} ${pluralWord(result.skipped.length, 'was', 'were')} left out`}
        >
          <List size="sm" spacing={2}>
            {result.skipped.map((skipped) => (
              <List.Item key={skipped.documentId}>
                {skipped.title} ({skipped.sectionTitle}): {skipped.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {result.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title="Worth a look">
          <List size="sm" spacing={2}>
            {result.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Paper withBorder radius="sm">
        <ScrollArea.Autosize mah={340}>
          <Table fz="sm" verticalSpacing={4} stickyHeader aria-label="Binder index">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>Exhibit</Table.Th>
                <Table.Th>Document</Table.Th>
                <Table.Th w={150}>Section</Table.Th>
                <Table.Th w={110}>Date</Table.Th>
                <Table.Th w={90} ta="right">
                  Pages
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.index.map((entry) => (
                <Table.Tr key={`${entry.exhibit}-${entry.documentId}`}>
                  <Table.Td fw={600}>{entry.exhibit}</Table.Td>
                  <Table.Td>{entry.title}</Table.Td>
                  <Table.Td>{entry.sectionTitle}</Table.Td>
                  <Table.Td>{formatDate(entry.date)}</Table.Td>
                  <Table.Td ta="right">{entry.startPage === entry.endPage ? entry.startPage : `${entry.startPage}–${entry.endPage}`}</Table.Td>
                </Table.Tr>
              ))}
              {result.index.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text size="sm" c="dimmed">
                      No documents in this binder; it holds the generated sections only.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      <Group justify="flex-start">
        <Button variant="subtle" size="xs" onClick={onBack}>
          ← Change sections and build again
        </Button>
      </Group>
    </Stack>
  );
}
