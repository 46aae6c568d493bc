import { Anchor, Badge, Button, Group, Menu, Paper, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { DOCUMENT_CATEGORY_LABELS, type DocumentRecord } from '@shared/domain/documents';
import { lazy, Suspense, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LazyMenu } from '../../components/LazyMenu';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/dates';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { DocumentEditModal } from './DocumentEditModal';
import { MarkLetterSentModal } from '../letters/MarkLetterSentModal';
import { DocumentUploader } from './DocumentUploader';
import { documentLine } from './document-labels';
import { useCaseDocuments, useCaseEvents, useDeleteDocument } from './useDocuments';
import { ariaRowCount, VirtualTableBody } from '../../components/VirtualTableBody';

// The preview (PDF pages, e-mail text) loads on the first document opened.
const DocumentPreviewModal = lazy(() => import('./DocumentPreviewModal').then((module) => ({ default: module.DocumentPreviewModal })));

type Dialog = { kind: 'preview' | 'edit' | 'delete' | 'markSent'; document: DocumentRecord };

/** The case's files: import by drop or picker, then find, preview, describe and link them to the timeline. */
export function CaseDocumentsTab({ caseId }: { caseId: number }) {
  const { data: documents, isLoading, error, refetch } = useCaseDocuments(caseId);
  const { data: events } = useCaseEvents(caseId);
  const remove = useDeleteDocument();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = (documents ?? []).filter(
    (document) =>
      !needle ||
      [document.title, document.author ?? '', document.originalName ?? '', DOCUMENT_CATEGORY_LABELS[document.category]].some((text) =>
        text.toLowerCase().includes(needle),
      ),
  );
  const eventTitle = (id: number) => events?.find((event) => event.id === id)?.title ?? `Event ${id}`;

  async function confirmDelete(document: DocumentRecord) {
    try {
      await remove.mutateAsync({ id: document.id });
      notifySaved(`“${document.title}” deleted`);
      setDialog(null);
    } catch (failure) {
      notifyFailed(failure, 'Could not delete the document');
    }
  }

  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        Documents
      </Title>
      <DocumentUploader caseId={caseId} />
      <QueryState isLoading={isLoading} error={error} onRetry={() => void refetch()} />
      {documents && documents.length > 0 && (
        <Paper withBorder radius="md">
          <Group justify="space-between" p="sm" pb={0}>
            <Text size="sm" c="dimmed">
              {documents.length} {documents.length === 1 ? 'document' : 'documents'}
            </Text>
            <TextInput
              size="xs"
              placeholder="Filter by title, author, category"
              aria-label="Filter documents"
              value={filter}
              onChange={(event) => setFilter(event.currentTarget.value)}
              w={260}
            />
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table
              layout="fixed"
              verticalSpacing="xs"
              highlightOnHover
              aria-label="Case documents"
              data-testid="documents-table"
              aria-rowcount={ariaRowCount(shown.length)}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th w={120}>Date</Table.Th>
                  <Table.Th w={130}>Category</Table.Th>
                  <Table.Th w={70} ta="right">
                    Pages
                  </Table.Th>
                  <Table.Th w={160}>Linked events</Table.Th>
                  <Table.Th w={90}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <VirtualTableBody
                items={shown}
                getKey={(document) => document.id}
                columnCount={6}
                renderRow={(document, rowProps) => (
                  <Table.Tr {...rowProps} key={document.id} data-testid="document-row">
                    <Table.Td maw={320}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        fw={600}
                        onClick={() => setDialog({ kind: 'preview', document })}
                        data-testid="document-title"
                        style={{ textAlign: 'left' }}
                      >
                        {document.title}
                      </Anchor>
                      <Text size="xs" c="dimmed" truncate title={documentLine(document)}>
                        {documentLine(document)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(document.documentDate)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="default" tt="none" fw={500} radius="sm" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
                        {DOCUMENT_CATEGORY_LABELS[document.category]}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{document.pageCount ?? '—'}</Table.Td>
                    <Table.Td>
                      {document.eventIds.length > 0 && (
                        <Tooltip label={document.eventIds.map(eventTitle).join(' · ')} multiline maw={360}>
                          <Text size="sm" truncate>
                            {document.eventIds.length === 1 ? eventTitle(document.eventIds[0]!) : `${document.eventIds.length} events`}
                          </Text>
                        </Tooltip>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <LazyMenu
                        renderButton={(menuButton) => (
                          <Button size="compact-xs" variant="subtle" aria-label={`Actions for ${document.title}`} {...menuButton}>
                            Actions
                          </Button>
                        )}
                      >
                        <Menu.Item onClick={() => setDialog({ kind: 'preview', document })}>Preview</Menu.Item>
                        {document.letter && !document.letter.isSent && (
                          <Menu.Item onClick={() => setDialog({ kind: 'markSent', document })}>Mark as sent…</Menu.Item>
                        )}
                        <Menu.Item onClick={() => setDialog({ kind: 'edit', document })}>Edit details…</Menu.Item>
                        <Menu.Item color="red" onClick={() => setDialog({ kind: 'delete', document })}>
                          Delete…
                        </Menu.Item>
                      </LazyMenu>
                    </Table.Td>
                  </Table.Tr>
                )}
              />
            </Table>
          </Table.ScrollContainer>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" ta="center" py="md">
              No document matches “{filter}”.
            </Text>
          )}
        </Paper>
      )}
      {documents && documents.length === 0 && (
        <Text size="sm" c="dimmed" ta="center">
          No documents yet. Evaluations, IEPs, notices and emails you add here can be linked to timeline events and go into the mediation binder.
        </Text>
      )}
      {dialog?.kind === 'preview' && (
        <Suspense fallback={null}>
          <DocumentPreviewModal document={dialog.document} onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {dialog?.kind === 'edit' && <DocumentEditModal document={dialog.document} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'markSent' && dialog.document.letter && (
        <MarkLetterSentModal document={dialog.document} letter={dialog.document.letter} onClose={() => setDialog(null)} />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'delete'}
        title="Delete document"
        message={dialog ? `Delete “${dialog.document.title}” and its stored file from this case? Agreements and log entries that cite it lose the link.` : ''}
        confirmLabel="Delete"
        isPending={remove.isPending}
        onConfirm={() => dialog && void confirmDelete(dialog.document)}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
