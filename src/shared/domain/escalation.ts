/** Escalation: stage history, red flags, the next-step panel, the position statement (issue 17). */
import { z } from 'zod';
import { isoDate, recordId, requiredText } from './common';
import { caseRef } from './deadline-entities';
import { CASE_STAGES } from './vocabulary';
import { RED_FLAG_RULES } from '../escalation/red-flags';
import { ESCALATION_RUNGS } from '../escalation/next-step';

export const STAGE_CHANGE_SOURCES = ['advocate', 'case_form', 'opened', 'migrated'] as const;

export const stageHistoryEntry = z.object({
  id: recordId,
  caseId: recordId,
  fromStage: z.enum(CASE_STAGES).nullable(),
  toStage: z.enum(CASE_STAGES),
  changedOn: z.string(),
  reason: z.string().nullable(),
  source: z.enum(STAGE_CHANGE_SOURCES),
  createdAt: z.string(),
});
export type StageHistoryEntry = z.infer<typeof stageHistoryEntry>;

export const stageChangeFields = z.strictObject({
  caseId: recordId,
  toStage: z.enum(CASE_STAGES),
  changedOn: isoDate,
  /** Why the case moved: the facts that made it, in a sentence. Required: a history without reasons is a list of labels. */
  reason: requiredText(2_000, 'Reason'),
});

export const flagFactRef = z.object({
  type: z.enum(['deadline', 'iee_request', 'meeting', 'agreement', 'event']),
  id: z.string(),
  label: z.string(),
  date: z.string().nullable(),
});

export const redFlag = z.object({
  key: z.string(),
  rule: z.enum(RED_FLAG_RULES),
  title: z.string(),
  explanation: z.string(),
  citation: z.string(),
  raisedOn: z.string().nullable(),
  facts: z.array(flagFactRef),
  /** When this vault first saw the flag hold (an ISO timestamp). */
  firstSeenAt: z.string(),
  /** Raised since the advocate last opened the case (or the case was never opened). */
  isNew: z.boolean(),
});
export type RedFlagRecord = z.infer<typeof redFlag>;

export const caseRedFlags = z.object({
  caseId: recordId,
  today: z.string(),
  lastOpenedAt: z.string().nullable(),
  silenceDays: z.number().int(),
  flags: z.array(redFlag),
});
export type CaseRedFlags = z.infer<typeof caseRedFlags>;

export const rungClock = z.object({
  key: z.string(),
  label: z.string(),
  dueDate: z.string(),
  daysUntil: z.number().int(),
  status: z.string(),
  citation: z.string(),
});

export const rungSuggestion = z.object({
  rung: z.enum(ESCALATION_RUNGS),
  label: z.string(),
  status: z.enum(['taken', 'fits', 'open']),
  reasons: z.array(z.string()),
  flagKeys: z.array(z.string()),
  citation: z.string(),
  clocks: z.array(rungClock),
  clockNote: z.string().nullable(),
  letter: z.string().nullable(),
  letterLabel: z.string().nullable(),
  gather: z.array(z.string()),
});
export type RungSuggestionRecord = z.infer<typeof rungSuggestion>;

export const nextSteps = z.object({
  caseId: recordId,
  today: z.string(),
  stage: z.enum(CASE_STAGES),
  rungs: z.array(rungSuggestion),
});
export type NextSteps = z.infer<typeof nextSteps>;

export const flaggedCase = z.object({
  case: caseRef,
  lastOpenedAt: z.string().nullable(),
  newFlags: z.array(z.object({ key: z.string(), rule: z.enum(RED_FLAG_RULES), title: z.string(), raisedOn: z.string().nullable() })),
  totalFlags: z.number().int(),
});
export type FlaggedCase = z.infer<typeof flaggedCase>;

export const positionStatement = z.object({
  caseId: recordId,
  /** The saved text, or null when none was saved yet. */
  text: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** A fresh draft from the claims and the worksheet, to start from or compare with. */
  draft: z.string(),
});
export type PositionStatement = z.infer<typeof positionStatement>;

export const escalationSettings = z.object({ silenceDays: z.number().int().min(1).max(365) });
