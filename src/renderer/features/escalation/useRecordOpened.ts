import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { callMethod } from '../../api/use-api';

/**
 * Records that the advocate opened the case (once per visit): flags raised before now are no
 * longer news on the dashboard. A failure is not worth an error on screen; the next visit retries.
 */
export function useRecordOpened(caseId: number): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!Number.isInteger(caseId) || caseId <= 0) return;
    callMethod('escalation.recordOpened', { caseId })
      .then(() => queryClient.invalidateQueries({ queryKey: ['escalation'] }))
      .catch(() => undefined);
  }, [caseId, queryClient]);
}
