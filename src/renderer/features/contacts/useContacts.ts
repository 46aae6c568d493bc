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

/** Contacts are listed on case pages and named on timeline events. */
const CONTACT_KEYS = [['contacts'], ['cases'], ['events']];

export const useCreateContact = () => useApiMutation('contacts.create', CONTACT_KEYS);
export const useUpdateContact = () => useApiMutation('contacts.update', CONTACT_KEYS);
export const useDeleteContact = () => useApiMutation('contacts.delete', CONTACT_KEYS);

export function useDistricts() {
  return useQuery({ queryKey: ['districts'], queryFn: () => callMethod('districts.list', {}), staleTime: 60_000 });
}

/** Select options for a district field, sorted as main returns them. */
export function useDistrictOptions() {
  const { data } = useDistricts();
  return (data ?? []).map((district) => ({ value: String(district.id), label: district.state ? `${district.name} (${district.state})` : district.name }));
}

const DISTRICT_KEYS = [['districts'], ['cases'], ['families'], ['contacts']];
export const useCreateDistrict = () => useApiMutation('districts.create', DISTRICT_KEYS);
export const useUpdateDistrict = () => useApiMutation('districts.update', DISTRICT_KEYS);
