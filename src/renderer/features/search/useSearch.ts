import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callMethod } from '../../api/use-api';

/** A value that follows its input once typing pauses. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Vault-wide search; nothing is asked for a blank query. */
export function useSearch(text: string, limit = 50) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: ['search', trimmed, limit],
    queryFn: () => callMethod('search.query', { text: trimmed, limit }),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
