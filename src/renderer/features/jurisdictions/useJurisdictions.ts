import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';
import { DEADLINE_KEYS } from '../deadlines/useDeadlines';

export function useJurisdictions() {
  return useQuery({ queryKey: ['jurisdictions'], queryFn: () => callMethod('jurisdictions.list', {}) });
}

/** A rule change moves the due dates of every case in that jurisdiction. */
const RULE_KEYS = [['jurisdictions'], ...DEADLINE_KEYS];

export const useSetRuleOverride = () => useApiMutation('jurisdictions.setOverride', RULE_KEYS);
export const useClearRuleOverride = () => useApiMutation('jurisdictions.clearOverride', RULE_KEYS);
