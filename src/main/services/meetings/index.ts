/** Meetings on a case: planning, the preparation worksheet, notes, decisions and their tasks. */
export { listMeetings, getMeeting, createMeeting, updateMeeting, deleteMeeting, savePreparation, saveNotes } from './meetings-service';
export { createDecision, updateDecision, deleteDecision, createTasksFromDecisions } from './decisions-service';
export { draftParentConcerns, draftConcerns, concernLine } from './parent-concerns';
export { getMeetingRecord, toMeetingRecord } from './meeting-records';
export {
  listMeetingItems,
  itemsOfMeeting,
  createMeetingItem,
  updateMeetingItem,
  deleteMeetingItem,
  setItemReflected,
  setMeetingOutcome,
} from './meeting-items-service';
