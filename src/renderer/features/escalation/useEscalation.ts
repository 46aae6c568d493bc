import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useStageHistory(caseId: number) {
  return useQuery({ queryKey: ['escalation', 'history', caseId], queryFn: () => callMethod('escalation.history', { caseId }) });
}

export function useRedFlags(caseId: number) {
  return useQuery({ queryKey: ['escalation', 'flags', caseId], queryFn: () => callMethod('escalation.flags', { caseId }) });
}

export function useNextSteps(caseId: number) {
  return useQuery({ queryKey: ['escalation', 'next', caseId], queryFn: () => callMethod('escalation.nextSteps', { caseId }) });
}

export function usePositionStatement(caseId: number) {
  return useQuery({ queryKey: ['escalation', 'position', caseId], queryFn: () => callMethod('escalation.getPositionStatement', { caseId }) });
}

export function useFlaggedCases(isEnabled = true) {
  return useQuery({ queryKey: ['escalation', 'flagged'], queryFn: () => callMethod('escalation.flaggedCases', {}), enabled: isEnabled });
}

export const useChangeStage = () => useApiMutation('escalation.changeStage');
export const useSavePositionStatement = () => useApiMutation('escalation.savePositionStatement');
export const useDeletePositionStatement = () => useApiMutation('escalation.deletePositionStatement');
