/**
 * Importing a provider's CSV service log into a term's implementation log, all or nothing.
 *
 * The preview writes nothing: it lists the rows it read, every row it could not read and why, and
 * warnings that do not block (rows already in the log, dates outside the term). The import parses
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
}

function sameLine(row: ServiceLogRow): string {
  return `${row.deliveredOn}|${row.status}|${row.minutes ?? ''}`;
}

function warningsFor(ctx: ServiceContext, owner: TermOwner, parsed: ServiceLogParseResult): string[] {
  const warnings: string[] = [];
  const existing = ctx.db.orm
    .select({ deliveredOn: deliveriesTable.deliveredOn, status: deliveriesTable.status, minutes: deliveriesTable.minutes })
    .from(deliveriesTable)
    .where(eq(deliveriesTable.termId, owner.term.id))
    .all();
  const logged = new Set(existing.map((line) => `${line.deliveredOn}|${line.status}|${line.minutes ?? ''}`));
  const repeated = parsed.rows.filter((row) => logged.has(sameLine(row)));
  if (repeated.length > 0) {
    const first = repeated[0]!.deliveredOn;
    warnings.push(
      `${repeated.length} ${repeated.length === 1 ? 'row matches a line' : 'rows match lines'} already in this term's log (same date, status and minutes, first on ${first}); importing the same log twice counts those sessions twice.`,
    );
  }
  const { startsOn } = owner.term;
  const before = startsOn ? parsed.rows.filter((row) => row.deliveredOn < startsOn).length : 0;
  if (before > 0) {
    warnings.push(`${before} ${before === 1 ? 'row is' : 'rows are'} dated before the term starts (${startsOn}); they count as delivered but owe nothing.`);
  }
  return warnings;
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
    warnings: parsed.rows.length > 0 ? warningsFor(ctx, owner, parsed) : [],
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
    const insert = ctx.db.sqlite.prepare(
      `INSERT INTO deliveries (term_id, delivered_on, minutes, count, provider, status, note)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const row of parsed.rows) {
      insert.run(input.termId, row.deliveredOn, row.minutes, row.count, row.provider || null, row.status, row.note || null);
    }
    const dates = parsed.rows.map((row) => row.deliveredOn).sort();
    recordAudit(ctx.db, { action: 'create', entity: 'delivery_import', entityId: input.termId, familyId, detail: `rows:${parsed.rows.length}` }, ctx.now());
    return { importedCount: parsed.rows.length, firstDate: dates[0]!, lastDate: dates[dates.length - 1]! };
  })();
}
