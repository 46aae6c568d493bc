import { Alert, Button, Center, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { DocumentRecord } from '@shared/domain/documents';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { errorMessage } from '../../lib/form-errors';
import { emailText } from './email-text';
import { exportToFile } from '../../lib/save-file';
import { notifyFailed } from '../../lib/notify';

/** Where the app serves a stored document to this window: its own protocol in Electron, the bridge's route in a browser. */
export function documentContentUrl(id: number): string {
  return `/documents/${id}/content`;
}

/**
 * The stored file inside the app: PDFs and images in a frame loaded straight from the vault
 * through the app's own protocol (no bytes through the API), emails as their headers and text,
 * Word files by saving a copy.
 */
export function DocumentPreviewModal({ document, onClose }: { document: DocumentRecord; onClose: () => void }) {
  const isFramed = document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/');
  const isEmail = document.mimeType === 'message/rfc822';
  const {
    data: emailSource,
    error,
    isLoading,
  } = useQuery({
    queryKey: ['documents', 'content', document.id],
    queryFn: async () => {
      const response = await fetch(documentContentUrl(document.id), { credentials: 'same-origin' });
      if (!response.ok) throw new Error('The document could not be read from the vault. It may have been deleted, or the vault locked.');
      return response.text();
    },
    enabled: isEmail,
    gcTime: 0,
    staleTime: 0,
  });
  const email = useMemo(() => (emailSource !== undefined ? emailText(emailSource) : null), [emailSource]);
  const url = isFramed ? documentContentUrl(document.id) : null;

  return (
    <Modal
      opened
      onClose={onClose}
      title={document.title}
      size={document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/') ? '90%' : 'xl'}
      styles={{ body: { paddingBottom: 12 } }}
    >
      <Stack gap="sm">
        {isLoading && (
          <Center h={300}>
            <Loader size="sm" aria-label="Loading the document" />
          </Center>
        )}
        {error && (
          <Alert color="red" variant="light" title="Could not open the document" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {url && (
          <iframe
            title={`Preview of ${document.title}`}
            src={url}
            style={{ width: '100%', height: '72vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }}
            data-testid="document-preview-frame"
          />
        )}
        {email && (
          <Paper withBorder radius="sm" p="md">
            <Table fz="sm" withRowBorders={false} verticalSpacing={2} mb="sm">
              <Table.Tbody>
                {email.headers.map((header) => (
                  <Table.Tr key={header.name}>
                    <Table.Td w={80} c="dimmed">
                      {header.name}
                    </Table.Td>
                    <Table.Td>{header.value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ScrollArea.Autosize mah="60vh">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {email.body}
              </Text>
            </ScrollArea.Autosize>
          </Paper>
        )}
        {!isFramed && !isEmail && (
          <Alert variant="light" color="gray" title="No preview for this kind of file">
            Word documents are stored exactly as they were imported. Save a copy to open it in Word or another word processor.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() =>
              void exportToFile('documents.content', { id: document.id }).catch((failure: unknown) => notifyFailed(failure, 'The copy was not saved'))
            }
          >
            Save a copy…
          </Button>
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
