/**
 * Importing a provider's CSV service log into a term's implementation log, all or nothing.
 *
 * The preview writes nothing: it lists the rows it read, every row it could not read and why, and
 * warnings that do not block (dates outside the term), and which rows repeat lines already in the
 * log. Those refuse the import by default (the same file imported twice would count every session
 * twice): the advocate skips them or imports anyway, explicitly. The import parses
 * the file again (the renderer's preview is never trusted as data) and refuses the whole file
 * while any row is unreadable: a partly imported log would understate what was delivered, and the
 * figures end up in letters and complaints.
 */
import { eq } from 'drizzle-orm';
import { AppError } from '@shared/api/errors';
import { isImportable, type ServiceLogParseResult, type ServiceLogRow } from '@shared/compliance';
import { parseInProcess } from '../documents/parser-process';
import type { ServiceLogImportResult, ServiceLogPreview } from '@shared/domain/agreements';
import { deliveriesTable } from '../../db/schema';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { ownerOfTerm, type TermOwner } from './records';

export interface ServiceLogInput {
  termId: number;
  /** The CSV file as the service process read it from disk (src/main/services/files/read-import.ts). */
  bytes: Uint8Array;
  /** What to do with rows already in the log: refuse the import (the default), skip them, or import them anyway. */
  duplicates?: 'refuse' | 'skip' | 'import';
}

function lineKey(line: { deliveredOn: string; status: string; minutes: number | null; count: number | null }): string {
  return `${line.deliveredOn}|${line.status}|${line.minutes ?? ''}|${line.count ?? ''}`;
}

/**
 * The rows (by index) that repeat a line already in the term's log: same date, status, minutes and
 * count. Counted as a multiset, so a file with two identical sessions on a day, one of which is
 * logged, repeats one of them, not both.
 */
function duplicateRows(ctx: ServiceContext, termId: number, rows: readonly ServiceLogRow[]): number[] {
  const logged = new Map<string, number>();
  const existing = ctx.db.orm
    .select({ deliveredOn: deliveriesTable.deliveredOn, status: deliveriesTable.status, minutes: deliveriesTable.minutes, count: deliveriesTable.count })
    .from(deliveriesTable)
    .where(eq(deliveriesTable.termId, termId))
    .all();
  for (const line of existing) logged.set(lineKey(line), (logged.get(lineKey(line)) ?? 0) + 1);
  const repeated: number[] = [];
  rows.forEach((row, index) => {
    const left = logged.get(lineKey(row)) ?? 0;
    if (left > 0) {
      repeated.push(index);
      logged.set(lineKey(row), left - 1);
    }
  });
  return repeated;
}

function warningsFor(owner: TermOwner, parsed: ServiceLogParseResult): string[] {
  const warnings: string[] = [];
  const { startsOn } = owner.term;
  const before = startsOn ? parsed.rows.filter((row) => row.deliveredOn < startsOn).length : 0;
  if (before > 0) {
    warnings.push(`${before} ${before === 1 ? 'row is' : 'rows are'} dated before the term starts (${startsOn}); they count as delivered but owe nothing.`);
  }
  return warnings;
}

function duplicateRefusal(count: number, total: number, first: string): AppError {
  const what = count === total ? `All ${total} rows are` : `${count} of the ${total} rows are`;
  return new AppError(
    'CONFLICT',
    `Nothing was imported: ${what} already in this term's log (same date, status and minutes, first on ${first}). Importing them again would count those sessions twice. Import only the new rows, or import anyway if they really are extra sessions.`,
    { duplicates: `${count}` },
  );
}

/** The CSV is read in the bounded parser process (time and memory limits), never in main. */
async function parseInParserProcess(bytes: Uint8Array): Promise<ServiceLogParseResult> {
  const outcome = await parseInProcess('service-log-csv', bytes);
  if (!outcome.ok) throw new AppError('VALIDATION', `The service log could not be read: ${outcome.message}`, { file: outcome.message });
  return outcome.data as ServiceLogParseResult;
}

/** Reads the file for the preview screen; writes nothing. */
export async function previewServiceLogImport(ctx: ServiceContext, input: ServiceLogInput): Promise<ServiceLogPreview> {
  ownerOfTerm(ctx, input.termId);
  const parsed = await parseInParserProcess(input.bytes);
  const owner = ownerOfTerm(ctx, input.termId);
  return {
    rows: parsed.rows.map(({ deliveredOn, minutes, count, status, provider, note }) => ({ deliveredOn, minutes, count, status, provider, note })),
    errors: parsed.errors,
    isImportable: isImportable(parsed),
    warnings: parsed.rows.length > 0 ? warningsFor(owner, parsed) : [],
    duplicateRows: duplicateRows(ctx, input.termId, parsed.rows),
  };
}

function refusal(parsed: ServiceLogParseResult): AppError {
  const fields = Object.fromEntries(parsed.errors.map((error) => [`line ${error.line}`, error.reason]));
  const count = parsed.errors.length;
  const first = parsed.errors[0];
  const message =
    count === 0
      ? 'The service log has no rows to import.'
      : `Nothing was imported: ${count} ${count === 1 ? 'row' : 'rows'} of the service log could not be read` +
        (first ? ` (line ${first.line}: ${first.reason})` : '') +
        '. Fix the file and import it again.';
  return new AppError('VALIDATION', message, fields);
}

/** Imports every row in one transaction with one audit row, or refuses the whole file. */
export async function importServiceLog(ctx: ServiceContext, input: ServiceLogInput): Promise<ServiceLogImportResult> {
  const parsed = await parseInParserProcess(input.bytes);
  if (!isImportable(parsed)) {
    ownerOfTerm(ctx, input.termId);
    throw refusal(parsed);
  }
  return ctx.db.sqlite.transaction(() => {
    const { familyId } = ownerOfTerm(ctx, input.termId);
    const policy = input.duplicates ?? 'refuse';
    const repeated = policy === 'import' ? [] : duplicateRows(ctx, input.termId, parsed.rows);
    if (policy === 'refuse' && repeated.length > 0) throw duplicateRefusal(repeated.length, parsed.rows.length, parsed.rows[repeated[0]!]!.deliveredOn);
    const skipped = new Set(repeated);
    const rows = parsed.rows.filter((_, index) => !skipped.has(index));
    if (rows.length === 0) throw new AppError('CONFLICT', `Nothing was imported: every row of the file is already in this term's log.`);
    const insert = ctx.db.sqlite.prepare(
      `INSERT INTO deliveries (term_id, delivered_on, minutes, count, provider, status, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of rows) {
      insert.run(input.termId, row.deliveredOn, row.minutes, row.count, row.provider || null, row.status, row.note || null);
    }
    const dates = rows.map((row) => row.deliveredOn).sort();
    const detail = `rows:${rows.length}${skipped.size > 0 ? `;skipped:${skipped.size}` : ''}${policy === 'import' ? ';duplicates:imported' : ''}`;
    recordAudit(ctx.db, { action: 'create', entity: 'delivery_import', entityId: input.termId, familyId, detail }, ctx.now());
    return { importedCount: rows.length, skippedCount: skipped.size, firstDate: dates[0]!, lastDate: dates[dates.length - 1]! };
  })();
}
