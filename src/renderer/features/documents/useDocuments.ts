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

/** An e-mail document as main's one e-mail parser reads it (headers, text, attachments). */
export function useDocumentEmail(documentId: number, isEnabled = true) {
  return useQuery({ queryKey: ['documents', 'email', documentId], queryFn: () => callMethod('documents.email', { id: documentId }), enabled: isEnabled });
}
