/**
 * Input shapes of the agreement-compliance math. They are zod schemas because they become the API
 * contract's shapes: a signed agreement (34 CFR 300.506(b)(6)-(7): a mediation agreement is binding
 * and enforceable) or an IEP service page (34 CFR 300.320(a)(4), (7): services with their
 * frequency, location and duration) is split into concrete terms, each with an implementation log.
 */
import { z } from 'zod';
import { isoDate, recordId } from '../domain/common';

export const TERM_CATEGORIES = [
  'service',
  'accommodation',
  'evaluation',
  'reimbursement',
  'compensatory_services',
  'meeting',
  'training',
  'parent_obligation',
] as const;
export const termCategorySchema = z.enum(TERM_CATEGORIES);
export type TermCategory = z.infer<typeof termCategorySchema>;

export const TERM_CATEGORY_LABELS: Record<TermCategory, string> = {
  service: 'Service',
  accommodation: 'Accommodation',
  evaluation: 'Evaluation',
  reimbursement: 'Reimbursement',
  compensatory_services: 'Compensatory services',
  meeting: 'Meeting',
  training: 'Training',
  parent_obligation: 'Parent obligation',
};

/** '3 x 30 minutes per week' or '4 x 30 minutes per month'. */
export const recurringScheduleSchema = z.strictObject({
  kind: z.literal('recurring'),
  minutesPerSession: z.number().int().positive().max(1440, 'A session cannot be longer than a day (1,440 minutes)'),
  sessionsPerPeriod: z.number().positive().max(100, 'At most 100 sessions a period'),
  period: z.enum(['week', 'month']),
});

/**
 * '30 sessions in total' or '1,200 minutes in total'. A total given only in sessions (no
 * minutesPerSession) is counted in sessions, not minutes.
 */
export const totalScheduleSchema = z
  .strictObject({
    kind: z.literal('total'),
    totalMinutes: z.number().int().positive().max(1_000_000).nullish(),
    totalSessions: z.number().int().positive().max(10_000).nullish(),
    minutesPerSession: z.number().int().positive().max(1440).nullish(),
  })
  .refine((schedule) => schedule.totalMinutes != null || schedule.totalSessions != null, {
    message: 'Give the total in minutes or in sessions',
  });

/** 'One evaluation by 1 December'. */
export const oneOffScheduleSchema = z.strictObject({
  kind: z.literal('one_off'),
  dueDate: isoDate,
});

/** 'A reimbursement within 30 days of invoice'; no invoice date yet means nothing is due yet. */
export const paymentScheduleSchema = z.strictObject({
  kind: z.literal('payment'),
  daysAfterInvoice: z.number().int().nonnegative().max(3650),
  invoiceDate: isoDate.nullish(),
});

export const termScheduleSchema = z.discriminatedUnion('kind', [
  recurringScheduleSchema,
  totalScheduleSchema,
  oneOffScheduleSchema,
  paymentScheduleSchema,
]);
export type TermSchedule = z.infer<typeof termScheduleSchema>;
export type RecurringSchedule = z.infer<typeof recurringScheduleSchema>;
export type TotalSchedule = z.infer<typeof totalScheduleSchema>;

export const termSchema = z
  .object({
    id: recordId,
    category: termCategorySchema,
    description: z.string().trim().min(1).max(2000),
    schedule: termScheduleSchema,
    provider: z.string().trim().max(200).default(''),
    location: z.string().trim().max(200).default(''),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    /** The agreement's words on make-up sessions, quoted in letters. */
    makeupRule: z.string().trim().max(2000).default(''),
    /** Date by which missed minutes must have been made up; null when the agreement sets none. */
    makeupDeadline: isoDate.nullable(),
    reviewDates: z.array(isoDate).default([]),
    goal: z.string().trim().max(2000).default(''),
  })
  .refine((term) => term.endsOn === null || term.endsOn >= term.startsOn, {
    message: 'The end date is before the start date',
    path: ['endsOn'],
  });
export type Term = z.infer<typeof termSchema>;

export const DELIVERY_STATUSES = [
  'delivered',
  'cut_short',
  'missed_provider_absent',
  'missed_student_absent',
  'missed_school_closed',
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  delivered: 'Delivered',
  cut_short: 'Cut short',
  missed_provider_absent: 'Missed - provider absent',
  missed_student_absent: 'Missed - student absent',
  missed_school_closed: 'Missed - school closed',
};

/**
 * One line of the implementation log. `minutes` means the minutes actually delivered for
 * 'delivered' and 'cut_short', and the scheduled length of the session for the missed statuses;
 * null means 'a full session of the term's length'. `count` is the number of sessions or items the
 * line stands for (null: one).
 */
export const deliverySchema = z
  .object({
    id: recordId,
    termId: recordId,
    deliveredOn: isoDate,
    minutes: z.number().int().nonnegative().max(1440).nullable(),
    count: z.number().int().positive().nullable(),
    status: deliveryStatusSchema,
    provider: z.string().trim().max(200).default(''),
    note: z.string().trim().max(4000).default(''),
    evidenceDocumentId: recordId.nullish(),
  })
  .refine((delivery) => delivery.status !== 'cut_short' || delivery.minutes !== null, {
    message: 'A session cut short needs the minutes actually delivered',
    path: ['minutes'],
  });
export type Delivery = z.infer<typeof deliverySchema>;

/** A school break or holiday from the district calendar; same shape as the deadline engine's. */
export const closureSchema = z
  .object({
    start: isoDate,
    end: isoDate,
    label: z.string().trim().min(1).max(200),
    kind: z.enum(['holiday', 'break']),
  })
  .refine((closure) => closure.end >= closure.start, { message: 'The closure ends before it starts' });
export type Closure = z.infer<typeof closureSchema>;

export const complianceThresholdsSchema = z.object({
  /** A term whose delivered share of what is owed falls below this percentage is 'behind'. */
  behindBelowPercent: z.number().min(0).max(100).default(90),
  /**
   * Shortfalls at or under this many minutes never make a term 'behind' (owed accrues by school
   * day, so early in a week a term can look short before its sessions happen).
   */
  behindMinimumShortfallMinutes: z.number().int().nonnegative().default(0),
  /** A meeting within this many days before or after a review date satisfies it. */
  reviewGraceDays: z.number().int().nonnegative().default(14),
});
export type ComplianceThresholds = z.infer<typeof complianceThresholdsSchema>;

export const DEFAULT_THRESHOLDS: ComplianceThresholds = complianceThresholdsSchema.parse({});

export const complianceOptionsSchema = z.object({
  asOf: isoDate,
  closures: z.array(closureSchema).default([]),
  /** Dates meetings about the agreement were held (IEP meetings, review meetings). */
  meetingDates: z.array(isoDate).default([]),
  thresholds: complianceThresholdsSchema.default(DEFAULT_THRESHOLDS),
});
export type ComplianceOptions = z.infer<typeof complianceOptionsSchema>;

/** What an agreement contributes to its roll-up and to a notice of non-implementation. */
export const agreementSummarySchema = z.object({
  id: recordId,
  title: z.string().trim().min(1).max(300),
  signedOn: isoDate.nullable(),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

export const TERM_STATUSES = ['on_track', 'behind', 'not_started', 'review_missed', 'complete'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

export const TERM_STATUS_LABELS: Record<TermStatus, string> = {
  on_track: 'On track',
  behind: 'Behind',
  not_started: 'Not started',
  review_missed: 'Review missed',
  complete: 'Complete',
};

/** What the amounts of a term are counted in. */
export type ComplianceUnit = 'minutes' | 'sessions' | 'occurrences';
