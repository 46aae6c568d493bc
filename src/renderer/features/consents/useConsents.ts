import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useConsents(caseId: number) {
  return useQuery({ queryKey: ['consents', caseId], queryFn: () => callMethod('consents.list', { caseId }) });
}
/** The case's meetings, to say where a proposal was presented (the same key the meetings screens use). */
export function useMeetingOptions(caseId: number) {
  return useQuery({ queryKey: ['meetings', 'case', caseId], queryFn: () => callMethod('meetings.list', { caseId }) });
}
export const useCreateConsent = () => useApiMutation('consents.create');
export const useUpdateConsent = () => useApiMutation('consents.update');
export const useDeleteConsent = () => useApiMutation('consents.delete');
