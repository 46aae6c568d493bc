import { useQuery, type QueryKey } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

/** A document change shows in the documents list, on the timeline (linked events) and in the binder plan. */
export const DOCUMENT_KEYS: QueryKey[] = [['documents'], ['binder-plan']];

export function useCaseDocuments(caseId: number) {
  return useQuery({ queryKey: ['documents', caseId], queryFn: () => callMethod('documents.list', { caseId }) });
}

/** The case's timeline events, for linking documents to them. */
export function useCaseEvents(caseId: number) {
  return useQuery({ queryKey: ['events', caseId, []], queryFn: () => callMethod('events.list', { caseId }) });
}

export const useUpdateDocument = () => useApiMutation('documents.update', DOCUMENT_KEYS);
export const useDeleteDocument = () => useApiMutation('documents.delete', [...DOCUMENT_KEYS, ['agreements']]);
