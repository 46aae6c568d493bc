import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useAdvocateProfile() {
  return useQuery({ queryKey: ['advocate-profile'], queryFn: () => callMethod('settings.getAdvocateProfile', {}) });
}

export const useSetAdvocateProfile = () => useApiMutation('settings.setAdvocateProfile');
