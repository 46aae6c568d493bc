/** The time report for one family and a date range, and its CSV and PDF exports. */
import { PDFDocument } from 'pdf-lib';
import dayjs from 'dayjs';
import { AppError } from '@shared/api/errors';
import { toCsv } from '@shared/csv';
import { formatMinutes } from '@shared/format';
import { type TimeReport, type TimeReportInput, type TimeReportRow } from '@shared/domain/time-entries';
import { sanitizeFileName } from '../../pdf';
import { embedFonts } from '../../pdf/fonts';
import { formatLongDate } from '../../pdf/format';
import { FlowWriter, LETTER_SIZE, MUTED } from '../../pdf/pdf-text';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';

/** Finished entries only: a running timer has no duration yet. */
const REPORT_SQL = `
  SELECT t.id AS entryId, t.worked_on AS workedOn, t.case_id AS caseId, c.title AS caseTitle,
         s.first_name || ' ' || s.last_name AS studentName, t.description, t.minutes, t.is_billable AS isBillable
    FROM time_entries t
    JOIN cases c ON c.id = t.case_id
    JOIN students s ON s.id = c.student_id
   WHERE s.family_id = ? AND t.worked_on >= ? AND t.worked_on <= ?
     AND NOT (t.started_at IS NOT NULL AND t.ended_at IS NULL)
   ORDER BY t.worked_on, t.id`;

export function timeReport(ctx: ServiceContext, input: TimeReportInput): TimeReport {
  const family = ctx.db.sqlite.prepare('SELECT id, name FROM families WHERE id = ?').get(input.familyId) as { id: number; name: string } | undefined;
  if (!family) throw new AppError('NOT_FOUND', 'That family no longer exists.');
  const rows = (
    ctx.db.sqlite.prepare(REPORT_SQL).all(input.familyId, input.from, input.to) as (Omit<TimeReportRow, 'isBillable'> & { isBillable: number })[]
  ).map((row) => ({ ...row, isBillable: row.isBillable === 1 }));
  const byCase = new Map<number, TimeReport['byCase'][number]>();
  for (const row of rows) {
    const total = byCase.get(row.caseId) ?? { caseId: row.caseId, caseTitle: row.caseTitle, studentName: row.studentName, minutes: 0, billableMinutes: 0 };
    total.minutes += row.minutes;
    if (row.isBillable) total.billableMinutes += row.minutes;
    byCase.set(row.caseId, total);
  }
  const totals = [...byCase.values()];
  return {
    familyId: family.id,
    familyName: family.name,
    from: input.from,
    to: input.to,
    rows,
    byCase: totals.sort((a, b) => a.studentName.localeCompare(b.studentName) || a.caseTitle.localeCompare(b.caseTitle) || a.caseId - b.caseId),
    totalMinutes: totals.reduce((sum, total) => sum + total.minutes, 0),
    billableMinutes: totals.reduce((sum, total) => sum + total.billableMinutes, 0),
  };
}

/** Hours as a decimal with two places, the figure invoices multiply by a rate. */
function hours(minutes: number): string {
  return (minutes / 60).toFixed(2);
}

function reportFileName(report: TimeReport, extension: 'csv' | 'pdf'): string {
  return sanitizeFileName(`Time report - ${report.familyName} - ${report.from} to ${report.to}.${extension}`, `Time report.${extension}`);
}

/**
 * RFC 4180 CSV (CRLF, a header row), one row per entry then the totals. Starts with a UTF-8 byte
 * order mark so Excel reads accented names correctly; every text cell that could run as a formula
 * gets a leading apostrophe.
 */
export function timeReportCsv(report: TimeReport): string {
  const fields = ['Date', 'Student', 'Case', 'Description', 'Minutes', 'Hours', 'Billable'];
  const data: (string | number)[][] = report.rows.map((row) => [
    row.workedOn,
    row.studentName,
    row.caseTitle,
    row.description ?? '',
    row.minutes,
    hours(row.minutes),
    row.isBillable ? 'Yes' : 'No',
  ]);
  data.push(['', '', '', 'Total', report.totalMinutes, hours(report.totalMinutes), '']);
  data.push(['', '', '', 'Billable total', report.billableMinutes, hours(report.billableMinutes), '']);
  return toCsv(fields, data, { byteOrderMark: true });
}

export async function timeReportPdf(report: TimeReport, generatedOn: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Time report: ${report.familyName}`);
  const fonts = await embedFonts(doc);
  const writer = new FlowWriter(fonts, () => doc.addPage(LETTER_SIZE));
  writer.newPage();
  writer.line('Time report', { size: 16, font: 'bold' });
  writer.line(report.familyName, { size: 12 });
  writer.line(`${formatLongDate(report.from)} to ${formatLongDate(report.to)} · prepared ${formatLongDate(generatedOn)}`, { size: 9, color: MUTED });
  writer.gap(6);
  writer.rule();
  if (report.rows.length === 0) {
    writer.paragraph('No time was recorded for this family in this period.', { size: 10 });
  } else {
    writer.table(
      [
        { header: 'Date', share: 13, isSingleLine: true },
        { header: 'Student', share: 15 },
        { header: 'Case', share: 20 },
        { header: 'Description', share: 34 },
        { header: 'Billable', share: 9 },
        { header: 'Time', share: 9, align: 'right', isSingleLine: true },
      ],
      report.rows.map((row) => ({
        cells: [row.workedOn, row.studentName, row.caseTitle, row.description ?? '', row.isBillable ? 'Yes' : 'No', formatMinutes(row.minutes)],
      })),
    );
    writer.line('Totals by case', { size: 11, font: 'bold' });
    writer.gap(4);
    writer.table(
      [
        { header: 'Student', share: 22 },
        { header: 'Case', share: 42 },
        { header: 'Billable', share: 18, align: 'right', isSingleLine: true },
        { header: 'Total', share: 18, align: 'right', isSingleLine: true },
      ],
      [
        ...report.byCase.map((total) => ({ cells: [total.studentName, total.caseTitle, formatMinutes(total.billableMinutes), formatMinutes(total.minutes)] })),
        { cells: ['', 'All cases', formatMinutes(report.billableMinutes), formatMinutes(report.totalMinutes)], isEmphasised: true },
      ],
    );
  }
  return doc.save();
}

function auditExport(ctx: ServiceContext, report: TimeReport, format: 'csv' | 'pdf'): void {
  ctx.db.sqlite.transaction(() => {
    recordAudit(ctx.db, { action: 'export', entity: 'time_report', entityId: null, familyId: report.familyId, detail: format }, ctx.now());
  })();
}

export function exportTimeReportCsv(ctx: ServiceContext, input: TimeReportInput): { fileName: string; text: string } {
  const report = timeReport(ctx, input);
  const text = timeReportCsv(report);
  auditExport(ctx, report, 'csv');
  return { fileName: reportFileName(report, 'csv'), text };
}

export async function exportTimeReportPdf(ctx: ServiceContext, input: TimeReportInput): Promise<{ fileName: string; base64: string }> {
  const report = timeReport(ctx, input);
  const bytes = await timeReportPdf(report, dayjs(ctx.now()).format('YYYY-MM-DD'));
  auditExport(ctx, report, 'pdf');
  return { fileName: reportFileName(report, 'pdf'), base64: Buffer.from(bytes).toString('base64') };
}
