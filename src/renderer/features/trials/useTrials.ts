import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useTrials(caseId: number) {
  return useQuery({ queryKey: ['trials', caseId], queryFn: () => callMethod('trials.list', { caseId }) });
}
export function useTrialsForMeeting(meetingId: number) {
  return useQuery({ queryKey: ['trials', 'meeting', meetingId], queryFn: () => callMethod('trials.forMeeting', { meetingId }) });
}
/** The case's meetings, for the review meeting (the same key the meetings screens use). */
export function useReviewMeetingOptions(caseId: number) {
  return useQuery({ queryKey: ['meetings', 'case', caseId], queryFn: () => callMethod('meetings.list', { caseId }) });
}
export const useCreateTrial = () => useApiMutation('trials.create');
export const useUpdateTrial = () => useApiMutation('trials.update');
export const useDeleteTrial = () => useApiMutation('trials.delete');
export const useAddTrialEntry = () => useApiMutation('trials.addEntry');
export const useDeleteTrialEntry = () => useApiMutation('trials.deleteEntry');

export function numberFrom(text: unknown): number | undefined {
  if (typeof text === 'number') return text;
  const trimmed = String(text ?? '').trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
