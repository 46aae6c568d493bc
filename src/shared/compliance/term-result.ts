/** The shape of one term's figures (term-compliance.ts computes them, term-explanation.ts words them). */
import type { AwardFigures } from './award';
import type { DeliverableInstance, DueDateFlags } from './deliverables';
import type { OwedItem } from './makeup';
import type { ComplianceUnit, DayCount, MakeupClause, OwedConvention, TermStatus } from './types';

export type TermKind = 'service' | 'award' | 'deliverable' | 'one_off' | 'payment';

export interface ServiceFigures {
  convention: OwedConvention;
  clause: MakeupClause;
  minutesPerSession: number;
  scheduledSessions: number;
  scheduledMinutes: number;
  /** School closures not on the calendar and family cancellations: not owed. */
  notOwedMinutes: number;
  notOwedCount: { school_closed: number; family_cancelled: number; student_absent: number };
  /** Scheduled minus not owed: the denominator of 'delivered / required'. */
  requiredMinutes: number;
  studentAbsenceMinutes: number;
  routineMinutes: number;
  creditedMakeupMinutes: number;
  surplusMakeupMinutes: number;
  deliveredMinutes: number;
  percentOfRequired: number | null;
  percentExcludingAbsence: number | null;
  items: OwedItem[];
  openMinutes: number;
  madeUpMinutes: number;
  expiredMinutes: number;
  /** Required minutes with no log line at all (neither delivered nor logged as missed). */
  unloggedMinutes: number;
}

export interface PartialFigures {
  done: number;
  total: number;
  label: string;
}

export interface TermCompliance {
  termId: number;
  asOf: string;
  kind: TermKind;
  /** What owed, delivered and the rest are counted in (minutes for recurring services). */
  unit: ComplianceUnit;
  /** The days counted: the term's start to the earlier of its end and asOf; null before it starts. */
  window: { from: string; to: string } | null;
  /** What the district owed by asOf (services: required less student absences). */
  owed: number;
  delivered: number;
  shortfall: number;
  surplus: number;
  /** The headline percentage of the term (services: excluding student absences; awards: % complete). */
  compliancePercent: number | null;
  /** Compensatory minutes owed: expired make-up items of a service, the unfinished part of an overdue award. */
  compensatoryOwed: number;
  /** Make-up minutes still open (within their windows). */
  openMakeup: number;
  service: ServiceFigures | null;
  award: AwardFigures | null;
  instances: DeliverableInstance[];
  partial: PartialFigures | null;
  /** Due date of a one-off or payment term; null for others and while unknown. */
  dueDate: string | null;
  dueFlags: DueDateFlags | null;
  /** Days a one-off was done after its due date, or is overdue, in `lateUnit`. */
  lateBy: number;
  lateUnit: DayCount;
  isOverdue: boolean;
  daysOverdue: number;
  hasEnded: boolean;
  missedReviewDates: string[];
  status: TermStatus;
  /** Built when read (the caseload-wide lists never read most of them). */
  explanation: string;
}
