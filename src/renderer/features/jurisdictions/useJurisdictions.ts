import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useJurisdictions() {
  return useQuery({ queryKey: ['jurisdictions'], queryFn: () => callMethod('jurisdictions.list', {}) });
}

export const useSetRuleOverride = () => useApiMutation('jurisdictions.setOverride');
export const useClearRuleOverride = () => useApiMutation('jurisdictions.clearOverride');
