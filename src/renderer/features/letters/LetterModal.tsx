import { Modal } from '@mantine/core';
import type { LetterDraft, LetterKindId } from '@shared/domain/documents';
import { useState } from 'react';
import { LetterEditor } from './LetterEditor';
import { LetterOptionsStep } from './LetterOptionsStep';
import { useLetterTemplates } from './useLetters';

interface LetterModalProps {
  caseId: number;
  /** Preselects a template (e.g. the notice of non-implementation from an agreement page). */
  initialKind?: LetterKindId;
  agreementId?: number;
  /** Preselects the meeting (a follow-up or concern statement opened from the meeting page). */
  meetingId?: number;
  onClose: () => void;
}

/** 'Write a letter…': choose a template and its subject, then edit the draft and export it. */
export function LetterModal({ caseId, initialKind, agreementId, meetingId, onClose }: LetterModalProps) {
  const [drafted, setDrafted] = useState<{ kind: LetterKindId; draft: LetterDraft } | null>(null);
  const [hasGoneBack, setHasGoneBack] = useState(false);
  const { data: templates } = useLetterTemplates();
  const title = drafted ? (templates?.find((template) => template.kind === drafted.kind)?.title ?? 'Letter') : 'Write a letter';

  return (
    <Modal opened onClose={onClose} title={title} size={drafted ? 1000 : 'lg'} closeOnClickOutside={false}>
      {drafted ? (
        <LetterEditor
          caseId={caseId}
          kind={drafted.kind}
          draft={drafted.draft}
          onBack={() => {
            setDrafted(null);
            setHasGoneBack(true);
          }}
          onExported={onClose}
        />
      ) : (
        <LetterOptionsStep
          caseId={caseId}
          initialKind={initialKind ?? null}
          initialAgreementId={agreementId ?? null}
          initialMeetingId={meetingId ?? null}
          shouldDraftAtOnce={initialKind !== undefined && !hasGoneBack}
          onDrafted={(kind, draft) => setDrafted({ kind, draft })}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}
