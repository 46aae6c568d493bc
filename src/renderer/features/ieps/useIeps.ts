import { useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

export function useIeps(caseId: number) {
  return useQuery({ queryKey: ['ieps', caseId], queryFn: () => callMethod('ieps.list', { caseId }) });
}
export function useIepCandidates(caseId: number) {
  return useQuery({ queryKey: ['ieps', caseId, 'candidates'], queryFn: () => callMethod('ieps.candidates', { caseId }) });
}
export const useCreateIep = () => useApiMutation('ieps.create');
export const useUpdateIep = () => useApiMutation('ieps.update');
export const useDeleteIep = () => useApiMutation('ieps.delete');
export const useCreateGoal = () => useApiMutation('ieps.createGoal');
export const useUpdateGoal = () => useApiMutation('ieps.updateGoal');
export const useDeleteGoal = () => useApiMutation('ieps.deleteGoal');
export const useAddProgress = () => useApiMutation('ieps.addProgress');
export const useDeleteProgress = () => useApiMutation('ieps.deleteProgress');
export const useImportProgress = () => useApiMutation('ieps.importProgress');

/** A typed number field's text → the number the schema checks ('' stays missing, so the schema says "Enter a number"). */
export function numberFrom(text: unknown): number | undefined {
  if (typeof text === 'number') return text;
  const trimmed = String(text ?? '').trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
