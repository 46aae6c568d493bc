import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useIeeRequests(caseId: number) {
  return useQuery({ queryKey: ['iee', caseId], queryFn: () => callMethod('iee.list', { caseId }) });
}

export function useIeeSettings() {
  return useQuery({ queryKey: ['iee-settings'], queryFn: () => callMethod('iee.getSettings', {}) });
}

/**
 * A case's meetings, for 'the meeting that considered it'. There is no meetings list method;
 * the calendar range of one case over all time returns exactly its meetings.
 */
export function useCaseMeetings(caseId: number) {
  return useQuery({
    queryKey: ['calendar', 'case-meetings', caseId],
    queryFn: async () => (await callMethod('deadlines.range', { from: '1900-01-01', to: '2199-12-31', caseId })).meetings,
  });
}

export const useCreateIee = () => useApiMutation('iee.create');
export const useUpdateIee = () => useApiMutation('iee.update');
export const useDeleteIee = () => useApiMutation('iee.delete');
export const useSetIeeSettings = () => useApiMutation('iee.setSettings');
