import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useCaseDocuments(caseId: number) {
  return useQuery({ queryKey: ['documents', caseId], queryFn: () => callMethod('documents.list', { caseId }) });
}

/** The case's timeline events, for linking documents to them. */
export function useCaseEvents(caseId: number) {
  return useQuery({ queryKey: ['events', caseId, []], queryFn: () => callMethod('events.list', { caseId }) });
}

export const useUpdateDocument = () => useApiMutation('documents.update');
export const useDeleteDocument = () => useApiMutation('documents.delete');
