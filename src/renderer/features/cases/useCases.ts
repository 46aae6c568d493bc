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

export const useCreateCase = () => useApiMutation('cases.create');
export const useUpdateCase = () => useApiMutation('cases.update');
export const useSetCaseArchived = () => useApiMutation('cases.setArchived');
export const useLinkContact = () => useApiMutation('cases.linkContact');
export const useUnlinkContact = () => useApiMutation('cases.unlinkContact');
