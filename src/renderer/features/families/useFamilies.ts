import type { MethodInput } from '@shared/api/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useFamilyList(search: string) {
  return useQuery({
    queryKey: ['families', 'list', search],
    queryFn: () => callMethod('families.list', search ? { search } : {}),
    placeholderData: keepPreviousData,
  });
}

export function useFamily(id: number) {
  return useQuery({ queryKey: ['families', 'detail', id], queryFn: () => callMethod('families.get', { id }) });
}

export const useCreateFamily = () => useApiMutation('families.create');
export const useUpdateFamily = () => useApiMutation('families.update');
export const useCreateGuardian = () => useApiMutation('families.createGuardian');
export const useUpdateGuardian = () => useApiMutation('families.updateGuardian');
export const useDeleteGuardian = () => useApiMutation('families.deleteGuardian');
export const useCreateStudent = () => useApiMutation('families.createStudent');
export const useUpdateStudent = () => useApiMutation('families.updateStudent');
export const useDeleteStudent = () => useApiMutation('families.deleteStudent');

/**
 * A purge reaches every list and page (caseload, dashboard, deadlines, contacts' cases), so all
 * cached reads go stale. None is refetched here: the purged family's page is still on screen and
 * would only answer NOT_FOUND; each page refetches as it is next shown.
 */
export function usePurgeFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; confirmName: string }) => callMethod('families.purge', input),
    onSuccess: () => queryClient.invalidateQueries({ refetchType: 'none' }),
  });
}

/** An import adds a family with its cases, deadlines, contacts and districts (all or nothing), so every read may change. */
export function useImportFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'families.import'>) => callMethod('families.import', input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
