/** Meetings on a case: preparation worksheet, notes, decisions, tasks and the parent concern draft. */
import { z } from 'zod';
import { recordId } from '../../domain/common';
import {
  decisionFields,
  meetingDecision,
  meetingFields,
  meetingRecord,
  parentConcernsDraft,
  preparationWorksheet,
  tasksFromDecisionsResult,
} from '../../domain/meetings';
import { MEETING_OUTCOMES, meetingItem, meetingItemFields, meetingItemsResult, reflectedFields } from '../../domain/meeting-items';
import { method, ok } from '../method';

export const meetingMethods = {
  /** A case's meetings with their decisions, oldest first. */
  'meetings.list': method("A case's meetings", z.strictObject({ caseId: recordId }), z.array(meetingRecord)),
  'meetings.get': method('One meeting with its worksheet and decisions', z.strictObject({ id: recordId }), meetingRecord),
  /** Plan a meeting: type, date (and time), place, attendees from the contacts, agenda. */
  'meetings.create': method('Add a meeting to a case', z.strictObject({ caseId: recordId, fields: meetingFields }), meetingRecord),
  'meetings.update': method('Edit a meeting', z.strictObject({ id: recordId, fields: meetingFields }), meetingRecord),
  /** Removes the meeting and its decisions; tasks already made from them stay on the case. */
  'meetings.delete': method('Delete a meeting', z.strictObject({ id: recordId }), ok),
  /** Save the preparation worksheet (replaces the stored one). */
  'meetings.savePreparation': method('Save the preparation worksheet', z.strictObject({ id: recordId, preparation: preparationWorksheet }), meetingRecord),
  /** Save the notes typed during the meeting, without touching the other fields. */
  'meetings.saveNotes': method('Save the meeting notes', z.strictObject({ id: recordId, notes: z.string().max(100_000) }), meetingRecord),
  /**
   * Draft the parent concern statement from the worksheet: the family's positions, interests and
   * data, never its bottom line. Saved on the meeting when it has none (or with `overwrite`).
   */
  'meetings.draftParentConcerns': method(
    'Draft the parent concern statement from the worksheet',
    z.strictObject({ id: recordId, overwrite: z.boolean().default(false) }),
    parentConcernsDraft,
  ),
  /** A task (with its due date) for every decision that has one; a decision never gets two. */
  'meetings.createTasksFromDecisions': method('Make a task for each decision with a due date', z.strictObject({ id: recordId }), tasksFromDecisionsResult),

  /** Record a decision: who agreed to what, by when. */
  'meetings.createDecision': method('Record a meeting decision', z.strictObject({ meetingId: recordId, fields: decisionFields }), meetingDecision),
  /** Edit a decision; an open task made from it follows (title, owner, due date). */
  'meetings.updateDecision': method('Edit a meeting decision', z.strictObject({ id: recordId, fields: decisionFields }), meetingDecision),
  'meetings.deleteDecision': method('Delete a meeting decision', z.strictObject({ id: recordId }), ok),

  /** Refusals, tabled items and verbal promises: of one meeting (with its outcome), or of a whole case (the checklist). */
  'meetings.listItems': method(
    "A meeting's or a case's follow-up items",
    z.union([z.strictObject({ meetingId: recordId }), z.strictObject({ caseId: recordId })]),
    meetingItemsResult,
  ),
  'meetings.createItem': method(
    'Record a refusal, tabled item or verbal promise',
    z.strictObject({ meetingId: recordId, fields: meetingItemFields }),
    meetingItem,
  ),
  'meetings.updateItem': method('Edit a follow-up item', z.strictObject({ id: recordId, fields: meetingItemFields }), meetingItem),
  'meetings.deleteItem': method('Delete a follow-up item', z.strictObject({ id: recordId }), ok),
  /** Tick (or untick) the item: the prior written notice or IEP of that date reflects it. */
  'meetings.setItemReflected': method('Mark a follow-up item as reflected in a notice or IEP', reflectedFields, meetingItem),
  /** How the meeting ended for the IEP (the "repeated no change" red flag reads it). */
  'meetings.setOutcome': method(
    'Record how the meeting ended',
    z.strictObject({ id: recordId, outcome: z.enum(MEETING_OUTCOMES).nullable() }),
    z.object({ id: recordId, outcome: z.enum(MEETING_OUTCOMES).nullable() }),
  ),
} as const;
