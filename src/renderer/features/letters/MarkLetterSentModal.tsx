import { Modal } from '@mantine/core';
import type { DocumentRecord, LetterKindId } from '@shared/domain/documents';
import { MarkSentPanel } from './MarkSentPanel';

/**
 * "Mark as sent" for a letter exported earlier, after its editor was closed: from the letter's row
 * on the Documents tab. Same act as right after export: one timeline event, and the letter's clocks.
 */
export function MarkLetterSentModal({
  document,
  letter,
  onClose,
}: {
  document: DocumentRecord;
  letter: { kind: LetterKindId; to: string | null };
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} title={`Mark as sent: ${document.title}`} size="lg">
      <MarkSentPanel
        caseId={document.caseId}
        kind={letter.kind}
        documentId={document.id}
        fileName={document.originalName ?? document.title}
        letterDate={document.documentDate ?? ''}
        recipient={letter.to ?? ''}
        ieeRequest={undefined}
        onDone={onClose}
        isAfterExport={false}
      />
    </Modal>
  );
}
