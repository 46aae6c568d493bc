import { Alert, Button, Center, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { DocumentRecord } from '@shared/domain/documents';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { callMethod } from '../../api/use-api';
import { errorMessage } from '../../lib/form-errors';
import { emailText } from './email-text';
import { base64ToBlob, exportToFile } from '../../lib/save-file';
import { notifyFailed } from '../../lib/notify';

/** Decodes base64 as UTF-8 text (an .eml file). */
function base64Text(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (char) => char.charCodeAt(0)));
}

/**
 * The stored file inside the app: PDFs and images in a frame from a blob: URL (the CSP allows
 * frame-src blob:), emails as their headers and text, Word files by saving a copy. The blob URL
 * is revoked when the preview closes.
 */
export function DocumentPreviewModal({ document, onClose }: { document: DocumentRecord; onClose: () => void }) {
  const { data: content, error, isLoading } = useQuery({
    queryKey: ['documents', 'content', document.id],
    queryFn: () => callMethod('documents.content', { id: document.id }),
    gcTime: 0,
    staleTime: 0,
  });
  const isFramed = content !== undefined && (content.mimeType === 'application/pdf' || content.mimeType.startsWith('image/'));
  const url = useMemo(() => (content && isFramed ? URL.createObjectURL(base64ToBlob(content.base64, content.mimeType)) : null), [content, isFramed]);
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  const email = useMemo(() => (content?.mimeType === 'message/rfc822' ? emailText(base64Text(content.base64)) : null), [content]);

  return (
    <Modal opened onClose={onClose} title={document.title} size={document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/') ? '90%' : 'xl'} styles={{ body: { paddingBottom: 12 } }}>
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
        {url && content && (
          <iframe title={`Preview of ${document.title}`} src={url} style={{ width: '100%', height: '72vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }} data-testid="document-preview-frame" />
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
        {content && !isFramed && !email && (
          <Alert variant="light" color="gray" title="No preview for this kind of file">
            Word documents are stored exactly as they were imported. Save a copy to open it in Word or another word processor.
          </Alert>
        )}
        <Group justify="flex-end">
          {content && (
            <Button variant="default" onClick={() => void exportToFile('documents.content', { id: document.id }).catch((failure: unknown) => notifyFailed(failure, 'The copy was not saved'))}>
              Save a copy…
            </Button>
          )}
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
