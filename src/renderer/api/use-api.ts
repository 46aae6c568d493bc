import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { call, onEvent } from './client';
import { keysChangedBy } from './invalidation';

/** Calls any contract method with one input argument (the client's variadic signature, flattened). */
export function callMethod<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return (call as (method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>)(method, input);
}

/** Marks stale what a change by `method` touched (src/renderer/api/invalidation.ts); shown screens refetch. */
export function refreshAfter(queryClient: QueryClient, method: string): Promise<unknown> {
  const keys = keysChangedBy(method);
  if (keys === null) return queryClient.invalidateQueries();
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/**
 * A write through the contract that refreshes what it touched, as the one invalidation map says.
 * `alsoInvalidates` is for a screen's own extra keys (rare); the map is where a change's reach
 * belongs.
 */
export function useApiMutation<M extends MethodName>(method: M, alsoInvalidates: QueryKey[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => callMethod(method, input),
    onSuccess: () => Promise.all([refreshAfter(queryClient, method), ...alsoInvalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))]),
  });
}

/**
 * Refreshes what is on screen whenever main reports stored data changed, whoever changed it:
 * this window (its mutation refreshed already; the second mark is cheap), the CLI or a test
 * through the API, a scheduled job. Only the keys the change reaches are marked.
 */
export function useRefreshOnDataChanged(): void {
  const queryClient = useQueryClient();
  useEffect(() => onEvent('data.changed', ({ method }) => void refreshAfter(queryClient, method)), [queryClient]);
}
