import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

/** Family, guardian and student names appear on case pages and in the caseload too. */
const FAMILY_KEYS = [['families'], ['cases']];

export const useCreateFamily = () => useApiMutation('families.create', FAMILY_KEYS);
export const useUpdateFamily = () => useApiMutation('families.update', FAMILY_KEYS);
export const usePurgeFamily = () => useApiMutation('families.purge', [['families'], ['cases'], ['events'], ['contacts']]);
export const useCreateGuardian = () => useApiMutation('guardians.create', FAMILY_KEYS);
export const useUpdateGuardian = () => useApiMutation('guardians.update', FAMILY_KEYS);
export const useDeleteGuardian = () => useApiMutation('guardians.delete', FAMILY_KEYS);
export const useCreateStudent = () => useApiMutation('students.create', FAMILY_KEYS);
export const useUpdateStudent = () => useApiMutation('students.update', FAMILY_KEYS);
export const useDeleteStudent = () => useApiMutation('students.delete', [['families'], ['cases'], ['events']]);
