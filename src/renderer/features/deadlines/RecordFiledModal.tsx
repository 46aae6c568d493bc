import { Checkbox } from '@mantine/core';
import { z } from 'zod';
import { isoDate } from '@shared/domain/common';
import { FORUM_LIMIT_RULES, type ClaimForum, type DeadlineItem } from '@shared/domain/deadline-entities';
import { DateField } from '../../components/DateField';
import { useValidatedForm } from '../../components/use-validated-form';
import { formatDate, todayIso } from '../../lib/dates';
import { DeadlineFormModal } from './DeadlineFormModal';
import { useRecordClaimFiled, useRecordFilingEvent } from './useDeadlines';

const FORUM_LABELS: Record<ClaimForum, string> = { state_complaint: 'a state complaint', due_process: 'a due process complaint' };

/** The claim and forum of a claim's filing limit ('due-process-limitation:claim:12'), or null for any other deadline. */
export function claimLimitOf(key: string): { claimId: number; forum: ClaimForum } | null {
  const match = /^([a-z-]+):claim:(\d+)$/.exec(key);
  if (!match) return null;
  const forum = (Object.keys(FORUM_LIMIT_RULES) as ClaimForum[]).find((candidate) => FORUM_LIMIT_RULES[candidate] === match[1]);
  return forum ? { claimId: Number(match[2]), forum } : null;
}

const schema = z.strictObject({ filedOn: isoDate, addToTimeline: z.boolean() });

interface RecordFiledModalProps {
  item: Pick<DeadlineItem, 'caseId' | 'title' | 'dueDate'>;
  claim: { claimId: number; forum: ClaimForum };
  onClose: () => void;
}

/**
 * A claim's filing limit closes on the fact that fulfils it: the claim filed in that forum (a state
 * complaint, or a due process complaint), on a date the advocate gives. Optionally the complaint
 * goes on the timeline too, where it starts its own clocks (resolution meeting, decision).
 */
export function RecordFiledModal({ item, claim, onClose }: RecordFiledModalProps) {
  const recordFiled = useRecordClaimFiled();
  const addEvent = useRecordFilingEvent();
  const { field, onSubmit, formError, isSaving } = useValidatedForm({
    initialValues: { filedOn: todayIso(), addToTimeline: false },
    schema,
    save: async ({ filedOn, addToTimeline }) => {
      const saved = await recordFiled.mutateAsync({ id: claim.claimId, forum: claim.forum, filedOn });
      if (addToTimeline) {
        const fields =
          claim.forum === 'due_process'
            ? { occurredOn: filedOn, type: 'due_process_filed' as const, kind: 'parent', title: `Due process complaint filed: ${saved.issue}` }
            : { occurredOn: filedOn, type: 'state_complaint_filed' as const, title: `State complaint filed: ${saved.issue}` };
        await addEvent.mutateAsync({ caseId: item.caseId, fields });
      }
      return { filedOn, issue: saved.issue };
    },
    successMessage: (saved) => `“${saved.issue}” recorded as filed in ${FORUM_LABELS[claim.forum]} on ${formatDate(saved.filedOn)}`,
    onSaved: onClose,
  });
  return (
    <DeadlineFormModal
      title="Record as filed"
      size="md"
      item={item}
      onSubmit={onSubmit}
      formError={formError}
      isSaving={isSaving}
      submitLabel="Record as filed"
      onClose={onClose}
    >
      <DateField
        label={`Filed in ${FORUM_LABELS[claim.forum]} on`}
        isRequired
        autoFocus
        description="The day the complaint raising this claim was filed; today or earlier"
        {...field('filedOn')}
      />
      <Checkbox
        label={
          claim.forum === 'due_process'
            ? 'Also add “Due process complaint filed (by the parent)” to the timeline'
            : 'Also add “State complaint filed” to the timeline'
        }
        description="Only if it is not there yet: it starts the complaint's own deadlines."
        {...field('addToTimeline', { type: 'checkbox' })}
      />
    </DeadlineFormModal>
  );
}
