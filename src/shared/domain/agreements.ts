/**
 * Agreements, their terms and the implementation log as the API carries them, and the shapes of
 * the compliance figures computed from them (src/shared/compliance). A signed mediation agreement
 * is binding and enforceable (34 CFR 300.506(b)(6)-(7)); a resolution-session settlement likewise
 * (300.510(d)); an IEP's service page states each service's frequency, location and duration
 * (300.320(a)(7)).
 */
import { z } from 'zod';
import {
  closureSchema,
  complianceThresholdsSchema,
  dayCountSchema,
  deliveryStatusSchema,
  gradingPeriodSchema,
  makeupClauseSchema,
  owedConventionSchema,
  schoolYearSchema,
  termCategorySchema,
  termScheduleSchema,
  TERM_STATUSES,
} from '../compliance/types';
import { isoDate, optionalDate, optionalText, recordId, requiredText, timestamp } from './common';
import { contact } from './entities';

export const AGREEMENT_TYPES = ['mediation_agreement', 'settlement_agreement', 'iep_services'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const AGREEMENT_TYPE_LABELS: Record<AgreementType, string> = {
  mediation_agreement: 'Mediation agreement',
  settlement_agreement: 'Resolution / settlement agreement',
  iep_services: 'IEP services page',
};

const optionalId = recordId.nullish().transform((value) => value ?? null);

// ---------- Agreements ----------

export const agreementFields = z.strictObject({
  type: z.enum(AGREEMENT_TYPES),
  title: requiredText(300, 'Title'),
  signedOn: optionalDate,
  parties: optionalText(1_000),
  sourceDocumentId: optionalId,
  notes: optionalText(20_000),
  /** How recurring services' required minutes are counted; 'pro_rata_school_days' when the agreement says so. */
  owedConvention: owedConventionSchema.default('scheduled_sessions'),
});

export const agreementRecord = z.object({
  id: recordId,
  caseId: recordId,
  type: z.enum(AGREEMENT_TYPES),
  title: z.string(),
  signedOn: z.string().nullable(),
  parties: z.string().nullable(),
  sourceDocumentId: recordId.nullable(),
  notes: z.string().nullable(),
  owedConvention: owedConventionSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type AgreementRecord = z.infer<typeof agreementRecord>;

export const agreementListItem = agreementRecord.extend({ termCount: z.number().int() });
export type AgreementListItem = z.infer<typeof agreementListItem>;

// ---------- Terms ----------

export const termFields = z
  .strictObject({
    category: termCategorySchema,
    description: requiredText(2_000, 'Description'),
    schedule: termScheduleSchema,
    provider: optionalText(200),
    location: optionalText(200),
    startsOn: isoDate,
    endsOn: optionalDate,
    /** The agreement's own words on make-up sessions, quoted in letters. */
    makeupRule: optionalText(2_000),
    makeupDeadline: optionalDate,
    /** The clause's kind (none, by a date, N school days after, grading period, end of year); blank: by_date when a deadline is set. */
    makeupClause: makeupClauseSchema.nullish().transform((value) => value ?? null),
    reviewDates: z.array(isoDate).max(50).default([]),
    goal: optionalText(2_000),
  })
  .refine((term) => term.makeupClause?.kind !== 'by_date' || term.makeupDeadline !== null, {
    message: 'Give the date by which missed sessions must be made up',
    path: ['makeupDeadline'],
  })
  .refine((term) => term.endsOn === null || term.endsOn >= term.startsOn, {
    message: 'The end date is before the start date',
    path: ['endsOn'],
  });
export type TermFields = z.output<typeof termFields>;

export const termRecord = z.object({
  id: recordId,
  agreementId: recordId,
  category: termCategorySchema,
  description: z.string(),
  schedule: termScheduleSchema,
  /** '3 x 30 min per week': the schedule in words. */
  scheduleText: z.string(),
  /** Denormalised from the schedule for queries and exports: see terms-service.ts. */
  amount: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  provider: z.string().nullable(),
  location: z.string().nullable(),
  /** Null only for rows written outside the API; the figures then count from the signing date. */
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  makeupRule: z.string().nullable(),
  makeupDeadline: z.string().nullable(),
  makeupClause: makeupClauseSchema,
  reviewDates: z.array(z.string()),
  goal: z.string().nullable(),
});
export type TermRecord = z.infer<typeof termRecord>;

// ---------- Implementation log ----------

export const deliveryFields = z
  .strictObject({
    deliveredOn: isoDate,
    /** Minutes delivered (delivered, cut short) or scheduled (missed); blank: a full session. */
    minutes: z
      .number()
      .int()
      .nonnegative()
      .max(1440)
      .nullish()
      .transform((value) => value ?? null),
    /** Sessions or items this line stands for; blank: one. */
    count: z
      .number()
      .int()
      .positive()
      .max(1000)
      .nullish()
      .transform((value) => value ?? null),
    status: deliveryStatusSchema,
    provider: optionalText(200),
    note: optionalText(4_000),
    evidenceDocumentId: optionalId,
    /** A make-up or rescheduled session: the missed session of the same term it replaces. */
    replacesDeliveryId: optionalId,
  })
  .refine((delivery) => delivery.status !== 'cut_short' || delivery.minutes !== null, {
    message: 'A session cut short needs the minutes actually delivered',
    path: ['minutes'],
  })
  .refine((delivery) => delivery.replacesDeliveryId === null || delivery.status === 'makeup', {
    message: 'Only a make-up session can replace a missed one',
    path: ['replacesDeliveryId'],
  });
export type DeliveryFields = z.output<typeof deliveryFields>;

export const deliveryRecord = z.object({
  id: recordId,
  termId: recordId,
  deliveredOn: z.string(),
  minutes: z.number().int().nullable(),
  count: z.number().int().nullable(),
  provider: z.string().nullable(),
  status: deliveryStatusSchema,
  note: z.string().nullable(),
  evidenceDocumentId: recordId.nullable(),
  replacesDeliveryId: recordId.nullable(),
  createdAt: timestamp,
});
export type DeliveryRecord = z.infer<typeof deliveryRecord>;

export const serviceLogPreview = z.object({
  rows: z.array(
    z.object({
      deliveredOn: z.string(),
      minutes: z.number().nullable(),
      count: z.number().nullable(),
      status: deliveryStatusSchema,
      provider: z.string(),
      note: z.string(),
    }),
  ),
  /** Rows that could not be read; while any remain, nothing can be imported. */
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  isImportable: z.boolean(),
  /** Things worth a look that do not block the import (dates outside the term). */
  warnings: z.array(z.string()),
  /**
   * Rows that repeat lines already in the term's log (same date, status, minutes and count): the
   * import refuses them unless told to skip them or import them anyway. Indexes into `rows`.
   */
  duplicateRows: z.array(z.number().int()),
});
export type ServiceLogPreview = z.infer<typeof serviceLogPreview>;

export const serviceLogImportResult = z.object({
  importedCount: z.number().int(),
  /** Rows left out because they repeat lines already in the log ('skip'). */
  skippedCount: z.number().int(),
  firstDate: z.string(),
  lastDate: z.string(),
});
export type ServiceLogImportResult = z.infer<typeof serviceLogImportResult>;

// ---------- Compliance figures ----------

export const termStatusSchema = z.enum(TERM_STATUSES);
export const complianceUnitSchema = z.enum(['minutes', 'sessions', 'occurrences']);

export const owedItemSchema = z.object({
  deliveryId: recordId,
  missedOn: z.string(),
  reason: deliveryStatusSchema,
  minutesShort: z.number(),
  minutesMadeUp: z.number(),
  windowEnd: z.string().nullable(),
  status: z.enum(['open', 'made_up', 'expired']),
  daysLeft: z.number().nullable(),
  madeUpBy: z.array(z.object({ deliveryId: recordId, on: z.string(), minutes: z.number() })),
});
export type OwedItemRecord = z.infer<typeof owedItemSchema>;

const serviceFigures = z.object({
  convention: owedConventionSchema,
  clause: makeupClauseSchema,
  minutesPerSession: z.number(),
  scheduledSessions: z.number(),
  scheduledMinutes: z.number(),
  notOwedMinutes: z.number(),
  notOwedCount: z.object({ school_closed: z.number(), family_cancelled: z.number(), student_absent: z.number() }),
  requiredMinutes: z.number(),
  studentAbsenceMinutes: z.number(),
  routineMinutes: z.number(),
  creditedMakeupMinutes: z.number(),
  surplusMakeupMinutes: z.number(),
  deliveredMinutes: z.number(),
  percentOfRequired: z.number().nullable(),
  percentExcludingAbsence: z.number().nullable(),
  items: z.array(owedItemSchema),
  openMinutes: z.number(),
  madeUpMinutes: z.number(),
  expiredMinutes: z.number(),
  unloggedMinutes: z.number(),
});

const awardFigures = z.object({
  awarded: z.number(),
  delivered: z.number(),
  remaining: z.number(),
  percentComplete: z.number().nullable(),
  firstSessionOn: z.string().nullable(),
  daysLate: z.number(),
  hasStarted: z.boolean(),
  expectedByNow: z.number(),
  pacePercent: z.number().nullable(),
  windowDaysPassed: z.number(),
  windowDays: z.number(),
  minutesPerSession: z.number().nullable(),
  sessionsLeft: z.number().nullable(),
  weeksLeft: z.number(),
  sessionsThisWeek: z.number(),
  sessionsPerWeekNeeded: z.number().nullable(),
  maxSessionsPerWeek: z.number().nullable(),
  canFinish: z.boolean().nullable(),
  projectedShortfall: z.number(),
  isOverdue: z.boolean(),
});

const dueFlags = z.object({ isWeekend: z.boolean(), closure: z.string().nullable() });

export const deliverableInstanceSchema = z.object({
  nominalDue: z.string(),
  due: z.string(),
  flags: dueFlags,
  status: z.enum(['met', 'late', 'missing', 'pending']),
  doneOn: z.string().nullable(),
  lateBy: z.number(),
});

/** One term's figures on a date; the fields are documented on TermCompliance (term-compliance.ts). */
export const termComplianceResult = z.object({
  termId: recordId,
  asOf: z.string(),
  kind: z.enum(['service', 'award', 'deliverable', 'one_off', 'payment']),
  unit: complianceUnitSchema,
  window: z.object({ from: z.string(), to: z.string() }).nullable(),
  owed: z.number(),
  delivered: z.number(),
  shortfall: z.number(),
  surplus: z.number(),
  compliancePercent: z.number().nullable(),
  compensatoryOwed: z.number(),
  openMakeup: z.number(),
  service: serviceFigures.nullable(),
  award: awardFigures.nullable(),
  instances: z.array(deliverableInstanceSchema),
  partial: z.object({ done: z.number(), total: z.number(), label: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  dueFlags: dueFlags.nullable(),
  lateBy: z.number(),
  lateUnit: dayCountSchema,
  isOverdue: z.boolean(),
  daysOverdue: z.number(),
  hasEnded: z.boolean(),
  missedReviewDates: z.array(z.string()),
  status: termStatusSchema,
  explanation: z.string(),
});
export type TermComplianceResult = z.infer<typeof termComplianceResult>;

export const agreementTotals = z.object({
  services: z.object({
    termCount: z.number(),
    requiredMinutes: z.number(),
    studentAbsenceMinutes: z.number(),
    deliveredMinutes: z.number(),
    creditedOfRequiredMinutes: z.number(),
    creditedOfOwedMinutes: z.number(),
    percentOfRequired: z.number().nullable(),
    percentExcludingAbsence: z.number().nullable(),
    shortfallMinutes: z.number(),
    openMakeupMinutes: z.number(),
    compensatoryOwedMinutes: z.number(),
  }),
  awards: z.object({
    termCount: z.number(),
    awardedMinutes: z.number(),
    deliveredMinutes: z.number(),
    percentComplete: z.number().nullable(),
    behindCount: z.number(),
    cannotFinishCount: z.number(),
    projectedShortfallMinutes: z.number(),
  }),
  obligations: z.object({ termCount: z.number(), met: z.number(), late: z.number(), missing: z.number(), pending: z.number() }),
  compensatoryOwedMinutes: z.number(),
  shortfallMinutes: z.number(),
});
export type AgreementTotalsRecord = z.infer<typeof agreementTotals>;

/** The agreement's roll-up (AgreementCompliance without the per-term list, which `terms` carries). */
export const agreementRollup = z.object({
  agreementId: recordId,
  asOf: z.string(),
  status: termStatusSchema,
  worstTermId: recordId.nullable(),
  totals: agreementTotals,
  statusCounts: z.record(termStatusSchema, z.number().int()),
  overdueTermIds: z.array(recordId),
  missedReviewDates: z.array(z.string()),
  explanation: z.string(),
});

export const compliancePoint = z.object({
  weekStart: z.string(),
  owedCumulative: z.number(),
  deliveredCumulative: z.number(),
});

export const agreementDetail = z.object({
  agreement: agreementRecord,
  asOf: z.string(),
  terms: z.array(z.object({ term: termRecord, compliance: termComplianceResult, series: z.array(compliancePoint) })),
  compliance: agreementRollup,
  thresholds: complianceThresholdsSchema,
  /** The district closures the figures took off; empty when the case's district has no calendar. */
  closures: z.array(closureSchema),
  /** The district's grading periods and school years the make-up windows count on. */
  gradingPeriods: z.array(gradingPeriodSchema),
  schoolYears: z.array(schoolYearSchema),
  /** Dates of the case's meetings, which satisfy review dates. */
  meetingDates: z.array(z.string()),
});
export type AgreementDetail = z.infer<typeof agreementDetail>;

const worstTerm = z.object({
  termId: recordId,
  description: z.string(),
  status: termStatusSchema,
  unit: complianceUnitSchema,
  compliancePercent: z.number().nullable(),
  shortfall: z.number(),
  explanation: z.string(),
});

export const caseAgreementsSummary = z.object({
  caseId: recordId,
  asOf: z.string(),
  /** The worst agreement's status; null when the case has no agreements. */
  status: termStatusSchema.nullable(),
  explanation: z.string(),
  agreements: z.array(
    z.object({
      agreement: agreementRecord,
      termCount: z.number().int(),
      status: termStatusSchema,
      explanation: z.string(),
      totals: agreementTotals,
      statusCounts: z.record(termStatusSchema, z.number().int()),
      missedReviewDates: z.array(z.string()),
      worstTerm: worstTerm.nullable(),
    }),
  ),
});
export type CaseAgreementsSummary = z.infer<typeof caseAgreementsSummary>;

export const agreementBehindItem = z.object({
  agreementId: recordId,
  agreementTitle: z.string(),
  agreementType: z.enum(AGREEMENT_TYPES),
  caseId: recordId,
  caseTitle: z.string(),
  familyId: recordId,
  familyName: z.string(),
  studentId: recordId,
  studentName: z.string(),
  status: z.enum(['behind', 'review_missed']),
  explanation: z.string(),
  totals: agreementTotals,
  behindTermCount: z.number().int(),
  missedReviewDates: z.array(z.string()),
  worstTerm: worstTerm.nullable(),
});
export type AgreementBehindItem = z.infer<typeof agreementBehindItem>;
/**
 * The caseload-wide list as the API returns it (the dashboard's card): without the worst term,
 * whose long explanation made up half of the list (1.6 MB at 2,000 families), and without the
 * totals (half of the rest); the card shows neither, and the case's own summary
 * (`agreements.caseSummary`) and the agreement's page carry both. The explanation states the figures.
 */
export const agreementBehindListItem = agreementBehindItem.omit({ worstTerm: true, totals: true });
export type AgreementBehindListItem = z.infer<typeof agreementBehindListItem>;

export const termReportRow = z.object({
  agreementId: recordId,
  agreementTitle: z.string(),
  termId: recordId,
  description: z.string(),
  owed: z.number(),
  delivered: z.number(),
  shortfall: z.number(),
  compliancePercent: z.number().nullable(),
  compensatoryOwed: z.number(),
  openMakeup: z.number(),
  kind: z.enum(['service', 'award', 'deliverable', 'one_off', 'payment']),
  /** Services: both percentages, the make-up clause and every owed item with its window. */
  percentOfRequired: z.number().nullable(),
  percentExcludingAbsence: z.number().nullable(),
  makeupClause: makeupClauseSchema,
  makeupDeadline: z.string().nullable(),
  owedItems: z.array(owedItemSchema),
  award: awardFigures.nullable(),
  instances: z.array(deliverableInstanceSchema),
  partial: z.object({ done: z.number(), total: z.number(), label: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  lateBy: z.number(),
  lateUnit: dayCountSchema,
  unit: complianceUnitSchema,
  status: termStatusSchema,
  explanation: z.string(),
});
export type TermReportRow = z.infer<typeof termReportRow>;

const nonImplementationItem = z.object({
  termId: recordId,
  description: z.string(),
  provider: z.string(),
  schedule: z.string(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  unit: complianceUnitSchema,
  owed: z.number(),
  delivered: z.number(),
  shortfall: z.number(),
  compliancePercent: z.number().nullable(),
  compensatoryOwed: z.number(),
  openMakeup: z.number(),
  makeupRule: z.string(),
  makeupDeadline: z.string().nullable(),
  owedItems: z.array(owedItemSchema),
  lateOrMissing: z.array(deliverableInstanceSchema),
  dueDate: z.string().nullable(),
  isOverdue: z.boolean(),
  sentence: z.string(),
});

export const nonImplementationNotice = z.object({
  agreementId: recordId,
  agreementTitle: z.string(),
  signedOn: z.string().nullable(),
  asOf: z.string(),
  items: z.array(nonImplementationItem),
  missedReviews: z.array(z.object({ termId: recordId, description: z.string(), reviewDate: z.string(), sentence: z.string() })),
  totalShortfallMinutes: z.number(),
  totalCompensatoryOwedMinutes: z.number(),
  summary: z.string(),
  hasFindings: z.boolean(),
});

/** Everything a notice-of-non-implementation letter needs: the findings and who it goes to. */
export const nonImplementationData = z.object({
  notice: nonImplementationNotice,
  agreement: agreementRecord,
  case: z.object({ id: recordId, title: z.string() }),
  family: z.object({
    id: recordId,
    name: z.string(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  guardians: z.array(z.object({ name: z.string(), relationship: z.string().nullable(), email: z.string().nullable(), isPrimary: z.boolean() })),
  student: z.object({
    id: recordId,
    firstName: z.string(),
    lastName: z.string(),
    dateOfBirth: z.string().nullable(),
    school: z.string().nullable(),
    grade: z.string().nullable(),
  }),
  district: z.object({ id: recordId, name: z.string(), state: z.string().nullable() }).nullable(),
  /** Whom the letter is addressed to: the director of special education, or the next one up or down the hierarchy on file. */
  recipient: contact.nullable(),
  /** The case's and the district's contacts, most senior first, for the address block and copies. */
  contacts: z.array(contact),
});
export type NonImplementationData = z.infer<typeof nonImplementationData>;
