import { Alert, Box, Button, Center, Group, Loader, Modal, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { DocumentEmail, DocumentRecord } from '@shared/domain/documents';
import { errorMessage } from '../../lib/form-errors';
import { EmailAttachments } from './EmailAttachments';
import { isEmailDocument } from './document-labels';
import { useDocumentEmail } from './useDocuments';
import { exportToFile } from '../../lib/save-file';
import { notifyFailed } from '../../lib/notify';

/** Where the app serves a stored document to this window: its own protocol in Electron, the bridge's route in a browser. */
export function documentContentUrl(id: number): string {
  return `/documents/${id}/content`;
}

/**
 * The stored file inside the app: PDFs and images in a frame loaded straight from the vault
 * through the app's own protocol (no bytes through the API), e-mails (.eml, .msg) as main's one
 * e-mail parser reads them (headers, text, attachments to import), Word files by saving a copy.
 */
/** The header lines a reader expects, in that order, as the parser decoded them (RFC 2047 words included). */
function emailHeaders(email: DocumentEmail): [string, string][] {
  const lines: [string, string | null][] = [
    ['From', email.from],
    ['To', email.to],
    ['Cc', email.cc],
    ['Date', email.dateHeader],
    ['Subject', email.subject],
  ];
  return lines.filter((line): line is [string, string] => Boolean(line[1]));
}

export function DocumentPreviewModal({ document, onClose }: { document: DocumentRecord; onClose: () => void }) {
  const isFramed = document.mimeType === 'application/pdf' || document.mimeType.startsWith('image/');
  const isEmail = isEmailDocument(document.mimeType);
  const { data: email, error, isLoading } = useDocumentEmail(document.id, isEmail);
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
                {emailHeaders(email).map(([name, value]) => (
                  <Table.Tr key={name}>
                    <Table.Td w={80} c="dimmed">
                      {name}
                    </Table.Td>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ScrollArea.Autosize mah="60vh">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {email.body || 'This e-mail has no text. Save a copy to open it in your mail program.'}
              </Text>
            </ScrollArea.Autosize>
            <Box mt="sm">
              <EmailAttachments documentId={document.id} email={email} />
            </Box>
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
