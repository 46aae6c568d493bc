import { QueryClient } from '@tanstack/react-query';
import { ApiCallError } from '../api/client';

/**
 * In-memory only (no persister): case data must never reach browser storage. Errors that main
 * reports (locked, not found, invalid) are answers, not glitches, so they are not retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof ApiCallError) && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  });
}
