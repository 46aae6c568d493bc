import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useAdvocateProfile() {
  return useQuery({ queryKey: ['advocate-profile'], queryFn: () => callMethod('profile.get', {}) });
}

export const useSetAdvocateProfile = () => useApiMutation('profile.set');
