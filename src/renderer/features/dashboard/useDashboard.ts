import { useQuery } from '@tanstack/react-query';
import { callMethod } from '../../api/use-api';

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => callMethod('dashboard.get', {}) });
}

/**
 * Agreements behind schedule come from agreement tracking's own method: the dashboard payload's
 * `agreementsBehind` is always null, and a count is shown only when this answers.
 */
export function useAgreementsBehind() {
  return useQuery({ queryKey: ['agreements', 'behind'], queryFn: () => callMethod('agreements.behind', {}) });
}
