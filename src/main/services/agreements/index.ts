/** Agreements, terms, the implementation log and their compliance figures: the public API. */
export { listAgreementsForCase, createAgreement, updateAgreement, deleteAgreement } from './agreements-service';
export { listTerms, createTerm, updateTerm, deleteTerm, scheduleColumns } from './terms-service';
export { listDeliveries, createDelivery, updateDelivery, deleteDelivery } from './deliveries-service';
export { previewServiceLogImport, importServiceLog, type ServiceLogInput } from './service-log-import';
export {
  agreementComplianceFor,
  caseAgreementsSummary,
  termComplianceForReport,
  computeAgreement,
  computeCaseAgreements,
  type ComputedAgreement,
} from './compliance-service';
export { agreementsBehind, agreementsBehindAt, refreshAgreementSummaries, staleAgreementIds, storedAgreementsBehind } from './agreements-behind';
export { nonImplementationData } from './non-implementation-service';
export { getComplianceThresholds, setComplianceThresholds, THRESHOLDS_SETTING_KEY } from './thresholds-service';
export { loadClosuresForCase, loadClosuresByDistrict } from './closures';
export { todayOf } from './records';
