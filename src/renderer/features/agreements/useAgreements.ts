import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { callMethod, useApiMutation } from '../../api/use-api';

/**
 * Everything a change to an agreement, a term or the log can move: the agreement page, the case
 * summary, the dashboard's 'agreements behind' list and the letters and binder built from them.
 */
export function useCaseAgreementSummary(caseId: number) {
  return useQuery({ queryKey: ['agreements', 'case-summary', caseId], queryFn: () => callMethod('agreements.caseSummary', { caseId }) });
}

export function useCaseAgreements(caseId: number, isEnabled = true) {
  return useQuery({
    queryKey: ['agreements', 'list', caseId],
    queryFn: () => callMethod('agreements.listForCase', { caseId }),
    enabled: isEnabled,
  });
}

/** The agreement's figures as of `asOf` (blank: today), computed on demand from facts dated on or before it. */
export function useAgreement(id: number, asOf?: string) {
  return useQuery({
    queryKey: ['agreements', 'detail', id, asOf ?? 'today'],
    queryFn: () => callMethod('agreements.get', asOf ? { id, asOf } : { id }),
    // Changing the date keeps the page (and the date being typed) while the new figures load.
    placeholderData: keepPreviousData,
  });
}

export function useDeliveries(termId: number) {
  return useQuery({ queryKey: ['agreements', 'deliveries', termId], queryFn: () => callMethod('agreements.listDeliveries', { termId }) });
}

export function useComplianceThresholds() {
  return useQuery({ queryKey: ['agreements', 'thresholds'], queryFn: () => callMethod('agreements.getThresholds', {}) });
}

export const useCreateAgreement = () => useApiMutation('agreements.create');
export const useUpdateAgreement = () => useApiMutation('agreements.update');
export const useDeleteAgreement = () => useApiMutation('agreements.delete');
export const useCreateTerm = () => useApiMutation('agreements.createTerm');
export const useUpdateTerm = () => useApiMutation('agreements.updateTerm');
export const useDeleteTerm = () => useApiMutation('agreements.deleteTerm');
export const useCreateDelivery = () => useApiMutation('agreements.createDelivery');
export const useUpdateDelivery = () => useApiMutation('agreements.updateDelivery');
export const useDeleteDelivery = () => useApiMutation('agreements.deleteDelivery');
export const useImportServiceLog = () => useApiMutation('agreements.importDeliveries');
export const useSetComplianceThresholds = () => useApiMutation('agreements.setThresholds');
