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

/** Monday-based weekday index: 0 = Monday ... 6 = Sunday. */
export const weekdaySchema = z.number().int().min(0).max(6);
export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * '3 x 30 minutes per week' or '4 x 30 minutes per month'; optionally the weekdays the sessions
 * are held on ('Mondays and Wednesdays'), which makes the schedule exact: a closure then removes
 * only a session that falls on it. Weekdays are given for weekly schedules only, one per session.
 */
export const recurringScheduleSchema = z
  .strictObject({
    kind: z.literal('recurring'),
    minutesPerSession: z.number().int().positive().max(1440, 'A session cannot be longer than a day (1,440 minutes)'),
    sessionsPerPeriod: z.number().positive().max(100, 'At most 100 sessions a period'),
    period: z.enum(['week', 'month']),
    weekdays: z.array(z.number().int().min(0).max(4)).max(5).nullish(),
  })
  .refine((schedule) => !schedule.weekdays || schedule.weekdays.length === 0 || schedule.period === 'week', {
    message: 'Weekdays can be given for a weekly schedule only',
    path: ['weekdays'],
  })
  .refine(
    (schedule) =>
      !schedule.weekdays ||
      schedule.weekdays.length === 0 ||
      (new Set(schedule.weekdays).size === schedule.weekdays.length && schedule.weekdays.length === schedule.sessionsPerPeriod),
    { message: 'Give one weekday per weekly session, each once', path: ['weekdays'] },
  );

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
    /** A compensatory award's contracted maximum frequency ('no more than 2 sessions a week'). */
    maxSessionsPerWeek: z.number().int().positive().max(35).nullish(),
    /** The agreement pauses the award over school breaks: its pace counts school days, not calendar days. */
    pauseOverBreaks: z.boolean().nullish(),
  })
  .refine((schedule) => schedule.totalMinutes != null || schedule.totalSessions != null, {
    message: 'Give the total in minutes or in sessions',
  });

export const DAY_COUNTS = ['calendar', 'business', 'school'] as const;
export const dayCountSchema = z.enum(DAY_COUNTS);
export type DayCount = z.infer<typeof dayCountSchema>;

/**
 * 'One evaluation by 1 December', 'training for 6 teachers by 1 December' (totalCount: partial
 * completion, x of n, never complete until n), or a due date relative to another date ('within 10
 * school days of receipt of the report', the date possibly not known yet) or to another term's
 * completion, in calendar, business or school days, with an optional 'no later than' cap.
 */
export const oneOffScheduleSchema = z
  .strictObject({
    kind: z.literal('one_off'),
    dueDate: isoDate.nullish(),
    relativeTo: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('date'), label: z.string().trim().min(1).max(200), date: isoDate.nullish() }),
        z.strictObject({ kind: z.literal('term'), termId: recordId }),
      ])
      .nullish(),
    offsetDays: z.number().int().min(0).max(3650).nullish(),
    dayCount: dayCountSchema.nullish(),
    noLaterThan: isoDate.nullish(),
    totalCount: z.number().int().positive().max(100_000).nullish(),
    countLabel: z.string().trim().max(100).nullish(),
  })
  .refine((schedule) => schedule.dueDate != null || (schedule.relativeTo != null && schedule.offsetDays != null), {
    message: 'Give a due date, or a date or term it counts from and how many days after',
    path: ['dueDate'],
  });

/**
 * A deliverable due every month (by day N) or every week (by a weekday): a progress report, a
 * data sheet. When that day is not a school day the agreement's rule moves it to the school day
 * before or after (or keeps it).
 */
export const recurringDeliverableScheduleSchema = z
  .strictObject({
    kind: z.literal('recurring_deliverable'),
    frequency: z.enum(['month', 'week']),
    dayOfMonth: z.number().int().min(1).max(31).nullish(),
    weekday: z.number().int().min(0).max(6).nullish(),
    nonSchoolDay: z.enum(['before', 'after', 'keep']).default('keep'),
  })
  .refine((schedule) => (schedule.frequency === 'month' ? schedule.dayOfMonth != null : schedule.weekday != null), {
    message: 'Give the day of the month (monthly) or the weekday (weekly)',
    path: ['dayOfMonth'],
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
  recurringDeliverableScheduleSchema,
]);
export type TermSchedule = z.infer<typeof termScheduleSchema>;
export type OneOffSchedule = z.infer<typeof oneOffScheduleSchema>;
export type RecurringDeliverableSchedule = z.infer<typeof recurringDeliverableScheduleSchema>;

/**
 * The agreement's make-up clause: how long a missed session the district caused can still be made
 * up. 'by_date' uses the term's makeupDeadline.
 */
export const MAKEUP_CLAUSE_KINDS = ['none', 'by_date', 'school_days_after', 'grading_period', 'end_of_school_year'] as const;
export const makeupClauseSchema = z
  .strictObject({
    kind: z.enum(MAKEUP_CLAUSE_KINDS),
    /** For 'school_days_after': the N in 'within N school days after the missed session'. */
    schoolDays: z.number().int().positive().max(200).nullish(),
  })
  .refine((clause) => clause.kind !== 'school_days_after' || clause.schoolDays != null, {
    message: 'Give the number of school days',
    path: ['schoolDays'],
  });
export type MakeupClause = z.infer<typeof makeupClauseSchema>;
export const MAKEUP_CLAUSE_LABELS: Record<MakeupClause['kind'], string> = {
  none: 'No make-up clause',
  by_date: 'Made up by a date',
  school_days_after: 'Within N school days after the miss',
  grading_period: 'Within the same grading period',
  end_of_school_year: 'By the end of the school year',
};
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
    /** The clause's kind; null: 'by_date' when makeupDeadline is set, else 'none'. */
    makeupClause: makeupClauseSchema.nullish(),
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
  'makeup',
  'missed_provider_absent',
  'missed_provider_cancelled',
  'missed_school_event',
  'missed_student_absent',
  'missed_school_closed',
  'missed_family_cancelled',
] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  delivered: 'Delivered',
  cut_short: 'Cut short',
  makeup: 'Make-up session',
  missed_provider_absent: 'Missed - provider absent',
  missed_provider_cancelled: 'Missed - provider cancelled',
  missed_school_event: 'Missed - school event',
  missed_student_absent: 'Missed - student absent',
  missed_school_closed: 'Missed - school closed',
  missed_family_cancelled: 'Missed - family cancelled',
};

/** Misses the district caused: each one is owed as make-up time under the term's clause. */
export const DISTRICT_CAUSED_MISSES: readonly DeliveryStatus[] = ['missed_provider_absent', 'missed_provider_cancelled', 'missed_school_event'];

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
    /** A make-up (or rescheduled) session: the missed session it replaces, retired first. */
    replacesDeliveryId: recordId.nullish(),
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

/** A grading period (marking period, quarter) of the district calendar; `end` inclusive. */
export const gradingPeriodSchema = z.object({ start: isoDate, end: isoDate, label: z.string().trim().min(1).max(200) });
export type GradingPeriod = z.infer<typeof gradingPeriodSchema>;
/** A school year's first and last day of instruction. */
export const schoolYearSchema = z.object({ firstDay: isoDate, lastDay: isoDate, label: z.string() });
export type SchoolYear = z.infer<typeof schoolYearSchema>;

/**
 * How a recurring service's required minutes are counted (per agreement):
 * - 'scheduled_sessions' (default): the sessions scheduled on school days, as written.
 * - 'pro_rata_school_days': the period's amount spread over its weekdays, accrued per open school
 *   day, for an agreement that says so.
 */
export const OWED_CONVENTIONS = ['scheduled_sessions', 'pro_rata_school_days'] as const;
export const owedConventionSchema = z.enum(OWED_CONVENTIONS);
export type OwedConvention = z.infer<typeof owedConventionSchema>;

export const complianceOptionsSchema = z.object({
  asOf: isoDate,
  closures: z.array(closureSchema).default([]),
  gradingPeriods: z.array(gradingPeriodSchema).default([]),
  schoolYears: z.array(schoolYearSchema).default([]),
  convention: owedConventionSchema.default('scheduled_sessions'),
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
