import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '@shared/api/contract';
import { callMethod, useApiMutation } from '../../api/use-api';

export type CaseListFilters = NonNullable<MethodInput<'cases.list'>>;

export function useCaseList(filters: CaseListFilters) {
  return useQuery({
    queryKey: ['cases', 'list', filters],
    queryFn: () => callMethod('cases.list', filters),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: ['cases', 'detail', id], queryFn: () => callMethod('cases.get', { id }) });
}

/** A case shows up in the caseload, its family's page and its own page. */
const CASE_KEYS = [['cases'], ['families']];

export const useCreateCase = () => useApiMutation('cases.create', CASE_KEYS);
export const useUpdateCase = () => useApiMutation('cases.update', CASE_KEYS);
export const useSetCaseArchived = () => useApiMutation('cases.setArchived', CASE_KEYS);
export const useLinkContact = () => useApiMutation('cases.linkContact', [['cases']]);
export const useUnlinkContact = () => useApiMutation('cases.unlinkContact', [['cases']]);
