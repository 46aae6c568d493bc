/** Agreement-compliance math: pure functions over terms, their implementation log and the district calendar. */
export * from './types';
export { toDayNumber, fromDayNumber, countSchoolDays, compileCalendar, addCountedDays, isSchoolDay, isBusinessDay, type SchoolCalendar } from './calendar-days';
export { describeSchedule, formatAmount } from './explanation';
export { percentHalfUp } from './percent';
export { LogLines, logColumns, logLinesOf, type LogColumns } from './log-lines';
export { describeConvention } from './sessions';
export { describeClause, effectiveClause, type OwedItem, type OwedItemStatus } from './makeup';
export { type AwardFigures } from './award';
export { type DeliverableInstance, type DueDateFlags, type InstanceStatus } from './deliverables';
export {
  termCompliance,
  findMissedReviewDates,
  completionDay,
  kindOf,
  type TermCompliance,
  type TermComplianceOptions,
  type TermKind,
  type ServiceFigures,
  type PartialFigures,
} from './term-compliance';
export {
  agreementCompliance,
  groupDeliveriesByTerm,
  type AgreementCompliance,
  type AgreementTotals,
  type ServiceTotals,
  type AwardTotals,
  type ObligationTotals,
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
export { buildNonImplementationNotice, type NonImplementationNotice, type NonImplementationItem, type MissedReviewItem } from './non-implementation';
