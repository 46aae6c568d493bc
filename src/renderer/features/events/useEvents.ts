import { useQuery } from '@tanstack/react-query';
import type { EventType } from '@shared/domain/vocabulary';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useEvents(caseId: number, types: EventType[]) {
  return useQuery({
    queryKey: ['events', caseId, types],
    queryFn: () => callMethod('events.list', types.length > 0 ? { caseId, types } : { caseId }),
    // Keep the list steady while a type filter changes, but never show another case's events.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === caseId ? previous : undefined),
  });
}

export const useCreateEvent = () => useApiMutation('events.create');
export const useUpdateEvent = () => useApiMutation('events.update');
export const useDeleteEvent = () => useApiMutation('events.delete');
