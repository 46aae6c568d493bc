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

/** Event counts and last-activity dates show in the caseload and on family pages. */
const EVENT_KEYS = [['events'], ['cases'], ['families']];

export const useCreateEvent = () => useApiMutation('events.create', EVENT_KEYS);
export const useUpdateEvent = () => useApiMutation('events.update', EVENT_KEYS);
export const useDeleteEvent = () => useApiMutation('events.delete', EVENT_KEYS);
