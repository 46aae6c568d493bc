import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '@shared/api/contract';
import { callMethod, useApiMutation } from '../../api/use-api';

export type ContactFilters = NonNullable<MethodInput<'contacts.list'>>;

export function useContactList(filters: ContactFilters = {}) {
  return useQuery({
    queryKey: ['contacts', filters],
    queryFn: () => callMethod('contacts.list', filters),
    placeholderData: keepPreviousData,
  });
}

export const useCreateContact = () => useApiMutation('contacts.create');
export const useUpdateContact = () => useApiMutation('contacts.update');
export const useDeleteContact = () => useApiMutation('contacts.delete');

export function useDistricts() {
  return useQuery({ queryKey: ['districts'], queryFn: () => callMethod('districts.list', {}), staleTime: 60_000 });
}

/** Select options for a district field, sorted as main returns them. */
export function useDistrictOptions() {
  const { data } = useDistricts();
  return (data ?? []).map((district) => ({ value: String(district.id), label: district.state ? `${district.name} (${district.state})` : district.name }));
}

export const useCreateDistrict = () => useApiMutation('districts.create');
export const useUpdateDistrict = () => useApiMutation('districts.update');
