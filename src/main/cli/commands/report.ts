import { isAppError } from '@shared/api/errors';
import type { Report } from '../../services/reports/report-service';
import { CliError, EXIT } from '../exit-codes';
import type { CliCommand, OptionValues } from './command';
import { requiredString } from './options';

function caseIdOption(values: OptionValues): number | undefined {
  const value = values.case;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw new CliError('--case must be a case id (a whole number).', EXIT.USAGE);
  return Number(value);
}

async function todayOption(values: OptionValues): Promise<string> {
  const { isoDateSchema } = await import('@shared/deadlines');
  const today = requiredString(values, 'today').trim();
  if (!isoDateSchema.safeParse(today).success) throw new CliError(`--today must be a real date as YYYY-MM-DD (got '${today}').`, EXIT.USAGE);
  return today;
}

/** What a deadline's line says about its state: 'met 2 days early (on 2026-03-04)', '3 days overdue', 'window closed'. */
export function deadlineState(deadline: Report['cases'][number]['deadlines'][number]): string {
  const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;
  switch (deadline.status) {
    case 'done':
      return deadline.timeliness
        ? `${deadline.timeliness}${deadline.metOn ? ` (on ${deadline.metOn})` : ''}`
        : `met${deadline.metOn ? ` on ${deadline.metOn}` : ''}`;
    case 'missed':
      return `missed${deadline.outcomeReason ? `: ${deadline.outcomeReason}` : ''}`;
    case 'waived':
    case 'vacated':
      return `${deadline.status === 'waived' ? 'waived' : 'vacated'}${deadline.outcomeReason ? `: ${deadline.outcomeReason}` : ''}`;
    case 'expired':
      return deadline.nature === 'filing_limit' ? 'filing limit passed' : deadline.nature === 'not_before' ? 'now allowed' : 'window closed';
    case 'snoozed':
      return 'snoozed';
    default:
      break;
  }
  if (deadline.daysUntil === null) return 'no due date';
  if (deadline.nature === 'not_before') return `not before this date (in ${days(deadline.daysUntil)})`;
  if (deadline.nature === 'window') return `window ends in ${days(deadline.daysUntil)}`;
  if (deadline.daysUntil < 0) return `${days(-deadline.daysUntil)} overdue`;
  return deadline.nature === 'filing_limit' ? `last day to file, in ${days(deadline.daysUntil)}` : `due in ${days(deadline.daysUntil)}`;
}

/** The human-readable form: one block per case, one line per deadline, IEE request and agreement term. */
function printText(report: Report, out: (line: string) => void): void {
  out(`Deadlines and IEE requests as of ${report.today} (${report.cases.length} ${report.cases.length === 1 ? 'case' : 'cases'})`);
  for (const entry of report.cases) {
    out('');
    out(`Case ${entry.caseId}: ${entry.studentName} (${entry.familyName}), ${entry.jurisdiction.code}, stage ${entry.stage}`);
    for (const deadline of entry.deadlines) {
      const flags = [deadline.isEstimate ? 'estimate' : null, deadline.statusSource === 'fact' ? 'closed by a recorded fact' : null].filter(Boolean).join(', ');
      out(
        `  ${deadline.dueDate ?? '----------'}  ${deadline.ruleName}${deadline.citation ? ` (${deadline.citation})` : ''}: ${deadlineState(deadline)}${flags ? ` [${flags}]` : ''}`,
      );
    }
    for (const request of entry.ieeRequests) {
      out(`  IEE ${request.requestedOn}  ${request.disputedEvaluation}: ${request.flagLabel ?? request.districtResponse.replace(/_/g, ' ')}`);
    }
    printAgreementTerms(entry.agreementCompliance, out);
  }
}

/** Each agreement term's headline figure and, for services, every missed session with its make-up window. */
function printAgreementTerms(terms: Report['cases'][number]['agreementCompliance'], out: (line: string) => void): void {
  for (const term of terms) {
    const percent = term.compliancePercent === null ? '—' : `${term.compliancePercent.toFixed(1)}%`;
    const makeup = term.openMakeup > 0 || term.compensatoryOwed > 0 ? `, make-up open ${term.openMakeup} min, compensatory ${term.compensatoryOwed} min` : '';
    out(`  TERM ${term.termId}  ${term.description} (${term.agreementTitle}): ${term.status.replace(/_/g, ' ')}, ${percent}${makeup}`);
    for (const item of term.owedItems) {
      const state = item.status === 'open' ? `open${item.daysLeft === null ? '' : `, ${item.daysLeft} days left`}` : item.status.replace('_', ' ');
      out(
        `    missed ${item.missedOn}: ${item.minutesShort - item.minutesMadeUp} of ${item.minutesShort} min owed, window to ${item.windowEnd ?? 'unknown'} (${state})`,
      );
    }
  }
}

/**
 * The headless report of issue 3: every deadline (rule, citation, trigger date, due date, days
 * until or overdue, estimate or not) and every IEE request (status, days of district silence)
 * per case, at an explicit date so the output can be reproduced.
 */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Print every deadline, IEE request and agreement term (with make-up windows) per case at a given date',
  synopsis: '--db PATH --today YYYY-MM-DD [--case ID] [--json]',
  details: [
    '--db PATH            the vault file (its key file PATH.keys must sit beside it)',
    '--today YYYY-MM-DD   the date to compute deadlines and silence at (required)',
    '--case ID            only this case (default: every open case)',
    '--json               print JSON instead of text',
  ],
  options: { db: { type: 'string' }, today: { type: 'string' }, case: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, io) {
    const today = await todayOption(values);
    const caseId = caseIdOption(values);
    // Loaded when the command runs, not when `help` lists the commands (CLI start-up).
    const [{ openVaultFromOptions }, { buildReport }] = await Promise.all([import('./open-vault'), import('../../services/reports/report-service')]);
    const vault = await openVaultFromOptions(values, io);
    try {
      let report: Report;
      try {
        report = buildReport({ db: vault.db(), now: io.now }, { today, ...(caseId === undefined ? {} : { caseId }) });
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') throw new CliError(`No case ${caseId} in this vault.`, EXIT.FAILURE);
        throw error;
      }
      if (values.json === true) io.out(JSON.stringify(report, null, 2));
      else printText(report, io.out);
      return EXIT.OK;
    } finally {
      vault.lock();
    }
  },
};
