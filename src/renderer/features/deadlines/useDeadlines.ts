import { useQuery } from '@tanstack/react-query';
import type { DeadlineItem, TaskTarget } from '@shared/domain/deadline-entities';
import { callMethod, useApiMutation } from '../../api/use-api';

/**
 * Everything a deadline change can move: the case's list, the dashboard and the calendar. The
 * caseload is not here: its rows carry no deadline data.
 */
export function useCaseDeadlines(caseId: number) {
  return useQuery({ queryKey: ['deadlines', caseId], queryFn: () => callMethod('deadlines.listForCase', { caseId }) });
}

/**
 * Which stored row an action applies to. A derived deadline is named by its case and stable key,
 * whether or not it was marked before, so marking it twice never makes two rows.
 */
export function targetOf(item: Pick<DeadlineItem, 'kind' | 'taskId' | 'caseId' | 'key'>): TaskTarget {
  return item.kind === 'manual' && item.taskId !== null ? { taskId: item.taskId } : { caseId: item.caseId, deadlineKey: item.key };
}

export const useCompleteTask = () => useApiMutation('deadlines.complete');
export const useSetOutcome = () => useApiMutation('deadlines.setOutcome');
export const useSnoozeTask = () => useApiMutation('deadlines.snooze');
export const useReopenTask = () => useApiMutation('deadlines.reopen');
export const useCreateTask = () => useApiMutation('deadlines.createTask');
export const useUpdateTask = () => useApiMutation('deadlines.updateTask');
export const useDeleteTask = () => useApiMutation('deadlines.deleteTask');

export function useClaims(caseId: number) {
  return useQuery({ queryKey: ['deadlines', caseId, 'claims'], queryFn: () => callMethod('claims.list', { caseId }) });
}
export const useCreateClaim = () => useApiMutation('claims.create');
export const useUpdateClaim = () => useApiMutation('claims.update');
export const useDeleteClaim = () => useApiMutation('claims.delete');
export const useRecordClaimFiled = () => useApiMutation('claims.recordFiled');
export const useRecordFilingEvent = () => useApiMutation('events.create');
/** Confirming a kind changes the timeline and the deadlines counted from it. */
export const useConfirmKind = () => useApiMutation('events.confirmKind');
