/**
 * The escalation.* methods (issue 17): a case's stage history, its red flags, the next-step panel,
 * when the case was last opened (for the dashboard's new flags) and the position statement.
 */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import { caseRedFlags, escalationSettings, flaggedCase, nextSteps, positionStatement, stageChangeFields, stageHistoryEntry } from '../../domain/escalation';
import { emptyInput } from '../../domain/common';
import { method, ok } from '../method';

const byCase = z.strictObject({ caseId: recordId });

export const escalationMethods = {
  'escalation.history': method("A case's stage history, oldest first", byCase, z.array(stageHistoryEntry)),
  /** Move the case to another stage, with the date and the reason (one history row). */
  'escalation.changeStage': method('Change the stage of a case, with its reason', stageChangeFields, stageHistoryEntry),
  /** Red flags computed from the case's facts, each with the facts it rests on. */
  'escalation.flags': method("A case's red flags", byCase, caseRedFlags),
  /** The rungs of the ladder the facts point to, with their clocks, letters and what to gather. */
  'escalation.nextSteps': method('The next-step panel of a case', byCase, nextSteps),
  /** The advocate opened the case page: flags raised after this are new. */
  'escalation.recordOpened': method('Record that the case was opened', byCase, z.object({ lastOpenedAt: z.string() })),
  /** Open cases with red flags raised since the advocate last opened them (the dashboard). */
  'escalation.flaggedCases': method('Cases with red flags raised since last opened', emptyInput, z.array(flaggedCase)),
  'escalation.getSettings': method('The red-flag settings', emptyInput, escalationSettings),
  /** Days without a district answer after which a written request is flagged (the law sets no general number). */
  'escalation.setSettings': method('Change the red-flag settings', z.strictObject({ silenceDays: z.number().int().min(1).max(365) }), escalationSettings),
  'escalation.getPositionStatement': method("A case's position statement and a fresh draft", byCase, positionStatement),
  'escalation.savePositionStatement': method(
    'Save the position statement',
    z.strictObject({ caseId: recordId, text: z.string().trim().min(1, 'The statement is empty').max(100_000) }),
    positionStatement,
  ),
  /** Forget the saved text: the binder goes back to the draft from the claims and worksheet. */
  'escalation.deletePositionStatement': method('Discard the saved position statement', byCase, ok),
} as const;
