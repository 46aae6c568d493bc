import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { DocumentEmail } from '@shared/domain/documents';
import { formatBytes, formatCount } from '@shared/format';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callMethod, refreshAfter } from '../../api/use-api';
import { errorMessage } from '../../lib/form-errors';
import { notifySaved } from '../../lib/notify';

/**
 * An e-mail's attachments as main's parser listed them, each importable as a document of its
 * own (linked to the e-mail). Shown in the preview and right after an e-mail is imported.
 */
export function EmailAttachments({ documentId, email }: { documentId: number; email: DocumentEmail }) {
  const queryClient = useQueryClient();
  const [busyIndex, setBusyIndex] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  if (email.attachments.length === 0) return null;

  async function importAttachment(index: number, fileName: string) {
    setBusyIndex(index);
    setErrors((current) => ({ ...current, [index]: '' }));
    try {
      const record = await callMethod('documents.importAttachment', { documentId, index });
      await Promise.all([refreshAfter(queryClient, 'documents.importAttachment'), queryClient.invalidateQueries({ queryKey: ['documents', 'email'] })]);
      notifySaved(`“${fileName}” added to the case’s documents as “${record.title}”`);
    } catch (error) {
      setErrors((current) => ({ ...current, [index]: errorMessage(error) }));
    } finally {
      setBusyIndex(null);
    }
  }

  return (
    <Stack gap={4} data-testid="email-attachments" role="group" aria-label="Attachments">
      <Text size="sm" fw={600}>
        {formatCount(email.attachments.length, 'attachment')}
      </Text>
      {email.attachments.map((attachment) => (
        <Stack key={attachment.index} gap={2}>
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm" truncate title={attachment.fileName} style={{ minWidth: 0 }}>
              {attachment.fileName}{' '}
              <Text span size="xs" c="dimmed">
                {formatBytes(attachment.size)}
              </Text>
            </Text>
            {attachment.documentId !== null ? (
              <Badge color="teal" variant="light" tt="none" radius="sm" style={{ flexShrink: 0 }}>
                In the case’s documents
              </Badge>
            ) : (
              <Button
                size="compact-xs"
                variant="light"
                loading={busyIndex === attachment.index}
                disabled={busyIndex !== null && busyIndex !== attachment.index}
                onClick={() => void importAttachment(attachment.index, attachment.fileName)}
                aria-label={`Import as document: ${attachment.fileName}`}
                style={{ flexShrink: 0 }}
              >
                Import as document
              </Button>
            )}
          </Group>
          {errors[attachment.index] && (
            <Text size="xs" c="red.8" role="alert">
              {errors[attachment.index]}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
