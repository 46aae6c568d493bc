/**
 * What a meeting left open beyond its decisions (issue 17): refusals, tabled items and verbal
 * promises. Each is a follow-up item the meeting follow-up letter lists, and a checklist line the
 * advocate ticks when the next prior written notice or IEP reflects it.
 */
import { z } from 'zod';
import { optionalDate, optionalText, recordId, requiredText } from './common';
import { MEETING_TYPES } from './meetings';

export const MEETING_ITEM_KINDS = ['refusal', 'tabled', 'promise'] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];
export const MEETING_ITEM_KIND_LABELS: Record<MeetingItemKind, string> = {
  refusal: 'Refused',
  tabled: 'Tabled',
  promise: 'Verbal promise',
};

/** The document that shows the item was carried into writing. */
export const REFLECTED_IN = ['pwn', 'iep'] as const;
export const REFLECTED_IN_LABELS: Record<(typeof REFLECTED_IN)[number], string> = { pwn: 'Prior written notice', iep: 'IEP' };

/** How the meeting ended for the IEP: what the "repeated no change" red flag reads. */
export const MEETING_OUTCOMES = ['changes_agreed', 'partial', 'no_change'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
export const MEETING_OUTCOME_LABELS: Record<MeetingOutcome, string> = {
  changes_agreed: 'Changes agreed',
  partial: 'Some changes',
  no_change: 'No change to the IEP',
};

export const meetingItemFields = z.strictObject({
  kind: z.enum(MEETING_ITEM_KINDS),
  /** What was refused, tabled or promised, in the words used at the table. */
  what: requiredText(2_000, 'What'),
  who: optionalText(200),
});

export const meetingItem = z.object({
  id: recordId,
  meetingId: recordId,
  kind: z.enum(MEETING_ITEM_KINDS),
  what: z.string(),
  who: z.string().nullable(),
  reflectedIn: z.enum(REFLECTED_IN).nullable(),
  reflectedOn: z.string().nullable(),
  createdAt: z.string(),
  meetingType: z.enum(MEETING_TYPES),
  meetingHeldAt: z.string(),
});
export type MeetingItem = z.infer<typeof meetingItem>;

export const meetingItemsResult = z.object({
  items: z.array(meetingItem),
  /** The meeting's recorded outcome (only when listed for one meeting). */
  outcome: z.enum(MEETING_OUTCOMES).nullable(),
});
export type MeetingItemsResult = z.infer<typeof meetingItemsResult>;

export const reflectedFields = z
  .strictObject({
    id: recordId,
    reflectedIn: z.enum(REFLECTED_IN).nullable(),
    reflectedOn: optionalDate,
  })
  .superRefine((value, context) => {
    if (value.reflectedIn && !value.reflectedOn)
      context.addIssue({ code: 'custom', path: ['reflectedOn'], message: 'Give the date of the notice or IEP that reflects it' });
    if (!value.reflectedIn && value.reflectedOn) context.addIssue({ code: 'custom', path: ['reflectedIn'], message: 'Choose the document that reflects it' });
  });
