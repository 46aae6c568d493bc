import { AppError } from '@shared/api/errors';
import type { TermReportRow } from '@shared/domain/agreements';
import { termComplianceForReport } from '../agreements/compliance-service';
import { IEE_RESPONSES, type IeeResponse } from '@shared/domain/iee-entities';
import type { CaseStage } from '@shared/domain/vocabulary';
import type { DeadlineStatus } from '@shared/domain/deadline-entities';
import { isoDateSchema } from '@shared/deadlines';
import type { ServiceContext } from '../context';
import { computeCases } from '../deadlines/case-deadlines';
import { ieeStatus } from '../iee/iee-service';

export interface ReportDeadline {
  key: string;
  kind: 'derived' | 'manual';
  /** The rule's name, or the task's title for a hand-made task. */
  ruleName: string;
  ruleId: string | null;
  citation: string | null;
  triggerType: string | null;
  triggerDate: string | null;
  dueDate: string | null;
  /** Calendar days from `today` to the due date; negative when overdue; null without a due date. */
  daysUntil: number | null;
  daysOverdue: number | null;
  isOverdue: boolean;
  isEstimate: boolean;
  /** open | done (met) | snoozed | missed | waived | vacated | expired (a window or limit that passed). */
  status: DeadlineStatus;
  /** deadline | window | not_before | filing_limit */
  nature: string;
  metOn: string | null;
  /** 'met 2 days early', 'met 3 school days late' (in the rule's unit), when met. */
  timeliness: string | null;
  /** A fact closed it, or the advocate marked it. */
  statusSource: 'fact' | 'advocate' | 'none';
  outcomeReason: string | null;
  /** The fact it counts from. */
  countsFrom: string | null;
}

export interface ReportIeeRequest {
  id: number;
  disputedEvaluation: string;
  areas: string[];
  requestedOn: string;
  districtResponse: IeeResponse;
  respondedOn: string | null;
  thresholdBusinessDays: number;
  thresholdDate: string;
  /** Days from the request to the answer, or to `today` while unanswered. */
  daysSilent: number;
  businessDaysSilent: number;
  isFlagged: boolean;
  /** 'district silent N days' past the threshold, else null. */
  flagLabel: string | null;
}

export interface ReportCase {
  caseId: number;
  title: string;
  stage: CaseStage;
  familyName: string;
  studentName: string;
  jurisdiction: { code: string; name: string; isVerified: boolean };
  /** District calendar used for school-day rules, or null (those dates are estimates). */
  calendarYears: string[] | null;
  deadlines: ReportDeadline[];
  ieeRequests: ReportIeeRequest[];
  /**
   * Every agreement term's figures as of `today` (owed, delivered, shortfall, compliance %,
   * compensatory owed, past make-up deadline, status and the sentence that explains them).
   */
  agreementCompliance: TermReportRow[];
}

export interface Report {
  today: string;
  /** The one case asked for, or every open case. */
  scope: { caseId: number } | 'open_cases';
  cases: ReportCase[];
}

interface IeeRow {
  id: number;
  caseId: number;
  disputedEvaluation: string;
  areas: string;
  requestedOn: string;
  districtResponse: string;
  respondedOn: string | null;
  silenceThresholdBusinessDays: number;
}

/**
 * The headless report (`npm run cli -- report`): every deadline and IEE request of one case or
 * of every open case, at a given date. `today` is explicit so a report can be reproduced.
 */
export function buildReport(ctx: ServiceContext, input: { caseId?: number; today: string }): Report {
  if (!isoDateSchema.safeParse(input.today).success) throw new AppError('VALIDATION', `'${input.today}' is not a date (YYYY-MM-DD).`, { today: 'Not a date' });
  const scope = input.caseId === undefined ? ({ openCases: true } as const) : { caseId: input.caseId };
  const cases = computeCases(ctx.db, scope, input.today);
  if (input.caseId !== undefined && cases.length === 0) throw new AppError('NOT_FOUND', `There is no case ${input.caseId}.`);

  const caseIds = cases.map((computed) => computed.facts.ref.caseId);
  const ieeRows = caseIds.length
    ? (ctx.db.sqlite
        .prepare(
          `SELECT id, case_id AS caseId, disputed_evaluation AS disputedEvaluation, areas, requested_on AS requestedOn,
                  district_response AS districtResponse, responded_on AS respondedOn, silence_threshold_business_days AS silenceThresholdBusinessDays
             FROM iee_requests WHERE case_id IN (${caseIds.map(() => '?').join(', ')}) ORDER BY requested_on, id`,
        )
        .all(...caseIds) as IeeRow[])
    : [];

  return {
    today: input.today,
    scope: input.caseId === undefined ? 'open_cases' : { caseId: input.caseId },
    cases: cases.map(({ facts, jurisdiction, calendar, items }) => ({
      caseId: facts.ref.caseId,
      title: facts.ref.caseTitle,
      stage: facts.ref.stage,
      familyName: facts.ref.familyName,
      studentName: facts.ref.studentName,
      jurisdiction: { code: jurisdiction.code, name: jurisdiction.name, isVerified: jurisdiction.isVerified },
      calendarYears: calendar?.labels ?? null,
      deadlines: items.map((item) => ({
        key: item.key,
        kind: item.kind,
        ruleName: item.title,
        ruleId: item.derived?.ruleId ?? null,
        citation: item.derived?.citation ?? null,
        triggerType: item.derived?.triggerType ?? null,
        triggerDate: item.derived?.triggerDate ?? null,
        dueDate: item.dueDate,
        daysUntil: item.daysUntil,
        daysOverdue: item.daysUntil !== null && item.daysUntil < 0 ? -item.daysUntil : null,
        isOverdue: item.isOverdue,
        isEstimate: item.derived?.isEstimate ?? false,
        status: item.status,
        nature: item.nature,
        metOn: item.metOn,
        timeliness: item.timeliness?.text ?? null,
        statusSource: item.statusSource,
        outcomeReason: item.outcomeReason,
        countsFrom: item.derived?.countsFrom ?? null,
      })),
      ieeRequests: ieeRows
        .filter((row) => row.caseId === facts.ref.caseId)
        .map((row) => {
          const districtResponse = (IEE_RESPONSES as readonly string[]).includes(row.districtResponse) ? (row.districtResponse as IeeResponse) : 'none_yet';
          const status = ieeStatus({ ...row, districtResponse }, input.today, calendar?.calendar);
          return {
            id: row.id,
            disputedEvaluation: row.disputedEvaluation,
            areas: JSON.parse(row.areas) as string[],
            requestedOn: row.requestedOn,
            districtResponse,
            respondedOn: row.respondedOn,
            thresholdBusinessDays: row.silenceThresholdBusinessDays,
            thresholdDate: status.thresholdDate,
            daysSilent: status.daysSilent,
            businessDaysSilent: status.businessDaysSilent,
            isFlagged: status.isFlagged,
            flagLabel: status.flagLabel,
          };
        }),
      agreementCompliance: termComplianceForReport(ctx, facts.ref.caseId, input.today),
    })),
  };
}
