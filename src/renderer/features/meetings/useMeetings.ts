import { useQuery, type QueryKey } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

/** A meeting shows on its case's tab, its own page, the calendar and (via decisions' tasks) the deadlines. */
const MEETING_KEYS: QueryKey[] = [['meetings'], ['calendar'], ['dashboard']];
/** Tasks made from decisions appear in the Deadlines & tasks tab, the dashboard and the calendar. */
const TASK_KEYS: QueryKey[] = [...MEETING_KEYS, ['deadlines']];

export function useCaseMeetingList(caseId: number) {
  return useQuery({ queryKey: ['meetings', 'case', caseId], queryFn: () => callMethod('meetings.list', { caseId }) });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: ['meetings', 'detail', id], queryFn: () => callMethod('meetings.get', { id }) });
}

export const useCreateMeeting = () => useApiMutation('meetings.create', MEETING_KEYS);
export const useUpdateMeeting = () => useApiMutation('meetings.update', MEETING_KEYS);
export const useDeleteMeeting = () => useApiMutation('meetings.delete', MEETING_KEYS);
export const useSavePreparation = () => useApiMutation('meetings.savePreparation', [['meetings']]);
/** Notes autosave while the advocate types: refreshing other lists on every save would be noise. */
export const useSaveNotes = () => useApiMutation('meetings.saveNotes', []);
export const useDraftParentConcerns = () => useApiMutation('meetings.draftParentConcerns', [['meetings']]);
export const useCreateTasksFromDecisions = () => useApiMutation('meetings.createTasksFromDecisions', TASK_KEYS);
export const useCreateDecision = () => useApiMutation('decisions.create', [['meetings']]);
export const useUpdateDecision = () => useApiMutation('decisions.update', TASK_KEYS);
export const useDeleteDecision = () => useApiMutation('decisions.delete', [['meetings']]);

/** The meeting's case (same cache entry as the case page), once the meeting says which case it is. */
export function useMeetingCase(caseId: number | undefined) {
  return useQuery({
    queryKey: ['cases', 'detail', caseId],
    queryFn: () => callMethod('cases.get', { id: caseId! }),
    enabled: caseId !== undefined,
  });
}
