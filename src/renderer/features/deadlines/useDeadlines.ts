import { useQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import type { DeadlineItem, TaskTarget } from '@shared/domain/deadline-entities';
import { callMethod, useApiMutation } from '../../api/use-api';

/**
 * Everything a deadline change can move: the case's list, the dashboard and the calendar. The
 * caseload is not here: its rows carry no deadline data.
 */
export const DEADLINE_KEYS: QueryKey[] = [['deadlines'], ['dashboard'], ['calendar']];

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

export const useCompleteTask = () => useApiMutation('tasks.complete', DEADLINE_KEYS);
export const useSetOutcome = () => useApiMutation('tasks.setOutcome', DEADLINE_KEYS);
export const useSnoozeTask = () => useApiMutation('tasks.snooze', DEADLINE_KEYS);
export const useReopenTask = () => useApiMutation('tasks.reopen', DEADLINE_KEYS);
export const useCreateTask = () => useApiMutation('tasks.create', DEADLINE_KEYS);
export const useUpdateTask = () => useApiMutation('tasks.update', DEADLINE_KEYS);
export const useDeleteTask = () => useApiMutation('tasks.delete', DEADLINE_KEYS);

export function useClaims(caseId: number) {
  return useQuery({ queryKey: ['deadlines', caseId, 'claims'], queryFn: () => callMethod('claims.list', { caseId }) });
}
export const useCreateClaim = () => useApiMutation('claims.create', DEADLINE_KEYS);
export const useUpdateClaim = () => useApiMutation('claims.update', DEADLINE_KEYS);
export const useDeleteClaim = () => useApiMutation('claims.delete', DEADLINE_KEYS);
export const useRecordClaimFiled = () => useApiMutation('claims.recordFiled', DEADLINE_KEYS);
export const useRecordFilingEvent = () => useApiMutation('events.create', [...DEADLINE_KEYS, ['events']]);
/** Confirming a kind changes the timeline and the deadlines counted from it. */
export const useConfirmKind = () => useApiMutation('events.confirmKind', [...DEADLINE_KEYS, ['events']]);
