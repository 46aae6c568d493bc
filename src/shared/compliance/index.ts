/** Agreement-compliance math: pure functions over terms, their implementation log and the district calendar. */
export * from './types';
export { toDayNumber, fromDayNumber, countSchoolDays, compileCalendar, type SchoolCalendar } from './calendar-days';
export { type ClosureInWindow, type DeductionReason, type DeductionSummary } from './owed';
export { describeSchedule, formatAmount } from './explanation';
export { termCompliance, findMissedReviewDates, type TermCompliance, type TermComplianceOptions } from './term-compliance';
export {
  agreementCompliance,
  groupDeliveriesByTerm,
  type AgreementCompliance,
  type AgreementTotals,
} from './agreement-compliance';
export { complianceSeries, type CompliancePoint, type SeriesOptions } from './series';
export {
  parseServiceLogCsv,
  parseLogDate,
  parseLogStatus,
  isImportable,
  type ServiceLogRow,
  type ServiceLogError,
  type ServiceLogParseResult,
} from './service-log-csv';
export {
  buildNonImplementationNotice,
  type NonImplementationNotice,
  type NonImplementationItem,
  type MissedReviewItem,
} from './non-implementation';
