import type { CaseDeadlineItem, CaseRef, Dashboard, DashboardDeadlineItem, IeeWaitingItem } from '@shared/domain/deadline-entities';
import { CASE_STAGES, CASE_STAGE_LABELS, type CaseStage } from '@shared/domain/vocabulary';
import { addCalendarDays } from '@shared/deadlines';
import { keptUntilWrite } from '../../db/write-version';
import type { ServiceContext } from '../context';
import { loadDistrictCalendars } from '../calendars/district-calendar';
import { openCaseCondition } from '../deadlines/case-facts';
import { loadMeetings } from '../deadlines/deadlines-service';
import { countStoredItems, readStoredItems, refreshStoredDeadlines } from '../deadlines/stored-deadlines';
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

interface WaitingRow extends CaseRef {
  ieeRequestId: number;
  disputedEvaluation: string;
  requestedOn: string;
  silenceThresholdBusinessDays: number;
  districtId: number | null;
}

/** Unanswered IEE requests of open cases, longest silence first. */
function ieeWaiting(ctx: ServiceContext, today: string): IeeWaitingItem[] {
  const rows = ctx.db.sqlite
    .prepare(
      `SELECT i.id AS ieeRequestId, i.disputed_evaluation AS disputedEvaluation, i.requested_on AS requestedOn,
              i.silence_threshold_business_days AS silenceThresholdBusinessDays, coalesce(c.district_id, s.district_id) AS districtId,
              c.id AS caseId, c.title AS caseTitle, c.stage, f.id AS familyId, f.name AS familyName, s.id AS studentId,
              s.first_name || ' ' || s.last_name AS studentName
         FROM iee_requests i JOIN cases c ON c.id = i.case_id JOIN students s ON s.id = c.student_id JOIN families f ON f.id = s.family_id
        WHERE i.district_response = 'none_yet' AND ${openCaseCondition}
        ORDER BY f.name COLLATE NOCASE, studentName COLLATE NOCASE, c.id`,
    )
    .all() as WaitingRow[];
  // Only the districts of waiting requests: the silence is counted in business days on their calendars.
  const calendars = loadDistrictCalendars(ctx.db, [...new Set(rows.flatMap((row) => (row.districtId === null ? [] : [row.districtId])))]);
  return rows
    .map(({ ieeRequestId, disputedEvaluation, requestedOn, silenceThresholdBusinessDays, districtId, ...ref }): IeeWaitingItem => {
      const { isAnswered: _isAnswered, ...status } = ieeStatus(
        { requestedOn, silenceThresholdBusinessDays, respondedOn: null, districtResponse: 'none_yet' },
        today,
        districtId === null ? undefined : calendars.get(districtId)?.calendar,
      );
      return { ieeRequestId, disputedEvaluation, requestedOn, ...status, case: ref };
    })
    .sort((left, right) => right.daysSilent - left.daysSilent || left.ieeRequestId - right.ieeRequestId);
}

function casesByStage(ctx: ServiceContext): Dashboard['casesByStage'] {
  const counts = new Map(
    (
      ctx.db.sqlite.prepare('SELECT stage, count(*) AS count FROM cases WHERE archived_at IS NULL GROUP BY stage').all() as {
        stage: CaseStage;
        count: number;
      }[]
    ).map((row) => [row.stage, row.count]),
  );
  return CASE_STAGES.map((stage) => ({ stage, label: CASE_STAGE_LABELS[stage], count: counts.get(stage) ?? 0 }));
}

/**
 * The home screen at `today`. The IEE response dates (the advocate's own silence threshold) are
 * left out of overdue and due-this-week because the IEE list shows those requests with their
 * days of silence; listing them twice would double-count one problem.
 */
/** A row of the dashboard: the stored item with the brief of its derived deadline (`derivedDeadlineBrief`). */
function dashboardItem({ derived, ...item }: CaseDeadlineItem): DashboardDeadlineItem {
  if (!derived) return { ...item, derived: null };
  const { citation, countsFrom, isEstimate, isWeekend, closureLabel, isVerified, isUserThreshold } = derived;
  return { ...item, derived: { citation, countsFrom, isEstimate, isWeekend, closureLabel, isVerified, isUserThreshold } };
}

export function dashboardAt(ctx: ServiceContext, today: string): Dashboard {
  // Only the cases whose facts, marks, calendar or rules changed (or whose dates came due) are recomputed.
  refreshStoredDeadlines(ctx.db, today);
  const weekEnd = addCalendarDays(today, weekDays);
  // Open, dated, not the advocate's own threshold and not a filing limit (stored items of open cases).
  const openDated = "d.status = 'open' AND d.due_on IS NOT NULL AND d.is_user_threshold = 0 AND d.nature <> 'filing_limit'";
  // Only an open deadline past its date is overdue: windows, not-before dates and filing limits never are.
  const overdue = `${openDated} AND d.nature = 'deadline' AND d.due_on < ?`;
  const limitHorizon = addCalendarDays(today, filingLimitDays);
  const limitPast = addCalendarDays(today, -filingLimitRecentDays);
  return {
    today,
    overdue: readStoredItems(ctx.db, today, { where: overdue, params: [today], newestFirst: true, limit: overdueLimit }).map(dashboardItem),
    overdueTotal: countStoredItems(ctx.db, overdue, [today]),
    dueThisWeek: readStoredItems(ctx.db, today, {
      where: `${openDated} AND d.nature <> 'not_before' AND d.due_on BETWEEN ? AND ?`,
      params: [today, weekEnd],
    }).map(dashboardItem),
    filingLimits: readStoredItems(ctx.db, today, {
      where: "d.nature = 'filing_limit' AND d.status IN ('open', 'expired') AND d.due_on BETWEEN ? AND ?",
      params: [limitPast, limitHorizon],
    }).map(dashboardItem),
    ieeWaiting: ieeWaiting(ctx, today),
    casesByStage: casesByStage(ctx),
    upcomingMeetings: loadMeetings(ctx.db, today, addCalendarDays(today, meetingDays)),
  };
}

/**
 * The dashboard of the day, kept per connection until the next write: everything it shows is in the
 * vault or is the day. Home is opened again and again, and first after every unlock, when the
 * service computes it ahead of the ask (`warmUpAfterUnlock`).
 */
const lastDashboard = keptUntilWrite<Dashboard>();

export function getDashboard(ctx: ServiceContext): Dashboard {
  const today = todayOf(ctx);
  return lastDashboard.get(ctx.db, today, () => dashboardAt(ctx, today));
}

/** The dashboard the next dashboard.get answers without any work, if it is kept and current. */
export function preparedDashboard(ctx: ServiceContext): Dashboard | undefined {
  return lastDashboard.peek(ctx.db, todayOf(ctx));
}
