import { useQuery } from '@tanstack/react-query';
import type { TimeReportInput } from '@shared/domain/time-entries';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useCaseTimeEntries(caseId: number) {
  return useQuery({ queryKey: ['time', 'case', caseId], queryFn: () => callMethod('time.list', { caseId }) });
}

export function useRunningTimer() {
  return useQuery({ queryKey: ['time', 'running'], queryFn: () => callMethod('time.running', {}) });
}

export function useTimeReport(input: TimeReportInput | null) {
  return useQuery({ queryKey: ['time', 'report', input], queryFn: () => callMethod('time.report', input!), enabled: input !== null });
}

export const useCreateTimeEntry = () => useApiMutation('time.create');
export const useUpdateTimeEntry = () => useApiMutation('time.update');
export const useDeleteTimeEntry = () => useApiMutation('time.delete');
export const useStartTimer = () => useApiMutation('time.start');
export const useStopTimer = () => useApiMutation('time.stop');
