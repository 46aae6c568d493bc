import { useQuery } from '@tanstack/react-query';
import { callMethod } from '../../api/use-api';

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => callMethod('dashboard.get', {}) });
}

/**
 * Agreements behind schedule come from agreement tracking's own method (its own speed budget: the
 * compliance of every agreement), so the deadline dashboard stays fast; no count is shown until it answers.
 */
export function useAgreementsBehind() {
  return useQuery({ queryKey: ['agreements', 'behind'], queryFn: () => callMethod('agreements.behind', {}) });
}
