import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useCaseMeetingList(caseId: number) {
  return useQuery({ queryKey: ['meetings', 'case', caseId], queryFn: () => callMethod('meetings.list', { caseId }) });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: ['meetings', 'detail', id], queryFn: () => callMethod('meetings.get', { id }) });
}

export const useCreateMeeting = () => useApiMutation('meetings.create');
export const useUpdateMeeting = () => useApiMutation('meetings.update');
export const useDeleteMeeting = () => useApiMutation('meetings.delete');
export const useSavePreparation = () => useApiMutation('meetings.savePreparation');
/** Notes autosave while the advocate types: refreshing other lists on every save would be noise. */
export const useSaveNotes = () => useApiMutation('meetings.saveNotes');
export const useDraftParentConcerns = () => useApiMutation('meetings.draftParentConcerns');
export const useCreateTasksFromDecisions = () => useApiMutation('meetings.createTasksFromDecisions');
export const useCreateDecision = () => useApiMutation('meetings.createDecision');
export const useUpdateDecision = () => useApiMutation('meetings.updateDecision');
export const useDeleteDecision = () => useApiMutation('meetings.deleteDecision');

/** The meeting's case (same cache entry as the case page), once the meeting says which case it is. */
export function useMeetingCase(caseId: number | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', caseId],
    queryFn: () => callMethod('cases.get', { id: caseId! }),
    enabled: caseId !== undefined,
  });
}

/** Refusals, tabled items and verbal promises of one meeting, with its outcome (issue 17). */
export function useMeetingItems(meetingId: number) {
  return useQuery({ queryKey: ['meetings', 'items', meetingId], queryFn: () => callMethod('meetings.listItems', { meetingId }) });
}
export const useCreateMeetingItem = () => useApiMutation('meetings.createItem');
export const useUpdateMeetingItem = () => useApiMutation('meetings.updateItem');
export const useDeleteMeetingItem = () => useApiMutation('meetings.deleteItem');
export const useSetItemReflected = () => useApiMutation('meetings.setItemReflected');
export const useSetMeetingOutcome = () => useApiMutation('meetings.setOutcome');

/** Every follow-up item of a case's meetings: the checklist of what must reach the written record. */
export function useCaseMeetingItems(caseId: number) {
  return useQuery({ queryKey: ['meetings', 'items', 'case', caseId], queryFn: () => callMethod('meetings.listItems', { caseId }) });
}
