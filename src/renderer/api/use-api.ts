import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { call, isOwnRecentCall, onEvent } from './client';

/** Calls any contract method with one input argument (the client's variadic signature, flattened). */
export function callMethod<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return (call as (method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>)(method, input);
}

/**
 * A write through the contract that refreshes what it touched. Keys are prefixes: ['cases']
 * refreshes every caseload list and case page, which is cheap and never shows stale counts.
 */
export function useApiMutation<M extends MethodName>(method: M, invalidates: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => callMethod(method, input),
    onSuccess: () => Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

/**
 * Refreshes what is on screen when main reports stored data changed by something other than this
 * window's own calls (a scheduled job, another window). This window's writes refresh through
 * `useApiMutation` already.
 */
export function useRefreshOnDataChanged(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('data.changed', ({ method }) => {
        if (!isOwnRecentCall(method)) void queryClient.invalidateQueries();
      }),
    [queryClient],
  );
}
