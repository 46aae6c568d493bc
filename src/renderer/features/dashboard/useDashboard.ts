import { useQuery, type QueryClient } from '@tanstack/react-query';
import { callMethod } from '../../api/use-api';

const dashboardQuery = { queryKey: ['dashboard'], queryFn: () => callMethod('dashboard.get', {}) };

/**
 * Agreements behind schedule come from agreement tracking's own method (its own speed budget: the
 * compliance of every agreement), so the deadline dashboard stays fast; no count is shown until it answers.
 */
const agreementsBehindQuery = { queryKey: ['agreements', 'behind'], queryFn: () => callMethod('agreements.behind', {}) };

export function useDashboard() {
  return useQuery(dashboardQuery);
}

export function useAgreementsBehind() {
  return useQuery(agreementsBehindQuery);
}

/**
 * The dashboard's data, asked for as the vault unlocks onto it rather than once the app's first
 * render has run. The page's own queries find these in flight.
 */
export function prefetchDashboard(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(dashboardQuery);
  void queryClient.prefetchQuery(agreementsBehindQuery);
}
