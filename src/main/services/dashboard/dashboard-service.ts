import type { Dashboard, DeadlineItem, IeeWaitingItem } from '@shared/domain/deadline-entities';
import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage } from '@shared/domain/vocabulary';
import { addCalendarDays } from '@shared/deadlines';
import type { ServiceContext } from '../context';
import { computeCases, type ComputedCase } from '../deadlines/case-deadlines';
import { loadMeetings, withCaseRefs } from '../deadlines/deadlines-service';
import { todayOf } from '../deadlines/settings-store';
import { ieeStatus } from '../iee/iee-service';

/** "This week" is today and the six days after it: always seven days ahead, whatever the weekday. */
const weekDays = 6;
const meetingDays = 30;
/**
 * A caseload nobody has tidied can hold thousands of long-missed deadlines; the list shows the
 * most recently missed first, this many at most, and `overdueTotal` says how many there are.
 */
const overdueLimit = 300;
/** Filing limits are shown from this many days ahead, and for this many days after they pass. */
const filingLimitDays = 180;
const filingLimitRecentDays = 30;

interface WaitingRow {
  caseId: number;
  ieeRequestId: number;
  disputedEvaluation: string;
  requestedOn: string;
  silenceThresholdBusinessDays: number;
}

/** Unanswered IEE requests of the computed (open) cases, longest silence first. */
function ieeWaiting(ctx: ServiceContext, cases: readonly ComputedCase[], today: string): IeeWaitingItem[] {
  const byCase = new Map(cases.map((computed) => [computed.facts.ref.caseId, computed]));
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT i.case_id AS caseId, i.id AS ieeRequestId, i.disputed_evaluation AS disputedEvaluation, i.requested_on AS requestedOn,
              i.silence_threshold_business_days AS silenceThresholdBusinessDays
         FROM iee_requests i WHERE i.district_response = 'none_yet'`,
    )
    .all() as WaitingRow[];
  return rows
    .flatMap((row): IeeWaitingItem[] => {
      const computed = byCase.get(row.caseId);
      if (!computed) return [];
      const { isAnswered: _isAnswered, ...status } = ieeStatus(
        { ...row, respondedOn: null, districtResponse: 'none_yet' },
        today,
        computed.calendar?.calendar,
      );
      return [{ ieeRequestId: row.ieeRequestId, disputedEvaluation: row.disputedEvaluation, requestedOn: row.requestedOn, ...status, case: computed.facts.ref }];
    })
    .sort((left, right) => right.daysSilent - left.daysSilent || left.ieeRequestId - right.ieeRequestId);
}

function casesByStage(ctx: ServiceContext): Dashboard['casesByStage'] {
  const counts = new Map(
    (ctx.db.sqlite.prepare('SELECT stage, count(*) AS count FROM cases WHERE archived_at IS NULL GROUP BY stage').all() as { stage: CaseStage; count: number }[]).map(
      (row) => [row.stage, row.count],
    ),
  );
  return CASE_STAGES.map((stage) => ({ stage, label: CASE_STAGE_LABELS[stage], count: counts.get(stage) ?? 0 }));
}

/**
 * The home screen at `today`. The IEE response dates (the advocate's own silence threshold) are
 * left out of overdue and due-this-week because the IEE list shows those requests with their
 * days of silence; listing them twice would double-count one problem.
 */
export function dashboardAt(ctx: ServiceContext, today: string): Dashboard {
  const cases = computeCases(ctx.db, { openCases: true }, today);
  const weekEnd = addCalendarDays(today, weekDays);
  const isOpenDated = (item: DeadlineItem) => item.status === 'open' && item.dueDate !== null && !item.derived?.isUserThreshold && item.nature !== 'filing_limit';
  // Only an open deadline past its date is overdue: windows, not-before dates and filing limits never are.
  const isOverdue = (item: DeadlineItem) => item.isOverdue && isOpenDated(item);
  const limitHorizon = addCalendarDays(today, filingLimitDays);
  const limitPast = addCalendarDays(today, -filingLimitRecentDays);
  let overdueTotal = 0;
  for (const computed of cases) for (const item of computed.items) if (isOverdue(item)) overdueTotal += 1;
  return {
    today,
    overdue: withCaseRefs(cases, isOverdue, { newestFirst: true, limit: overdueLimit }),
    overdueTotal,
    dueThisWeek: withCaseRefs(cases, (item) => isOpenDated(item) && item.nature !== 'not_before' && item.dueDate! >= today && item.dueDate! <= weekEnd),
    filingLimits: withCaseRefs(
      cases,
      (item) => item.nature === 'filing_limit' && (item.status === 'open' || item.status === 'expired') && item.dueDate! <= limitHorizon && item.dueDate! >= limitPast,
    ),
    ieeWaiting: ieeWaiting(ctx, cases, today),
    casesByStage: casesByStage(ctx),
    upcomingMeetings: loadMeetings(ctx.db, today, addCalendarDays(today, meetingDays)),
  };
}

export function getDashboard(ctx: ServiceContext): Dashboard {
  return dashboardAt(ctx, todayOf(ctx));
}
