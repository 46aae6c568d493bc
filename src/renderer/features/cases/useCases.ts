import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MethodInput } from '@shared/api/contract';
import { callMethod, useApiMutation } from '../../api/use-api';

export type CaseListFilters = NonNullable<MethodInput<'cases.list'>>;

const caseListQuery = (filters: CaseListFilters) => ({
  queryKey: ['cases', 'list', filters],
  queryFn: () => callMethod('cases.list', filters),
});

export function useCaseList(filters: CaseListFilters) {
  return useQuery({ ...caseListQuery(filters), placeholderData: keepPreviousData });
}

/** The caseload as it opens with nothing in its URL (CaseloadPage's filters with no parameter set). */
export const DEFAULT_CASELOAD_FILTERS: CaseListFilters = { sort: 'recent_activity', includeArchived: false };

/**
 * Once `isReady` (the dashboard has painted), loads the caseload's first screen in the background,
 * after the dashboard's own calls, so the next click paints from memory: at 2,000 families the list
 * takes longer to fetch than to draw. A fetch already cached or in flight is not repeated. True once
 * it has settled, so what is less likely to be opened next can wait for it.
 */
export function usePrefetchCaseload(isReady: boolean): boolean {
  const queryClient = useQueryClient();
  const [isSettled, setIsSettled] = useState(false);
  useEffect(() => {
    if (!isReady) return;
    let isCurrent = true;
    void queryClient.prefetchQuery(caseListQuery(DEFAULT_CASELOAD_FILTERS)).finally(() => {
      if (isCurrent) setIsSettled(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [isReady, queryClient]);
  return isSettled;
}

export function useCase(id: number) {
  return useQuery({ queryKey: ['cases', 'detail', id], queryFn: () => callMethod('cases.get', { id }) });
}

export const useCreateCase = () => useApiMutation('cases.create');
export const useUpdateCase = () => useApiMutation('cases.update');
export const useSetCaseArchived = () => useApiMutation('cases.setArchived');
export const useLinkContact = () => useApiMutation('cases.linkContact');
export const useUnlinkContact = () => useApiMutation('cases.unlinkContact');
