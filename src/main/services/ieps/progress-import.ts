/**
 * A goal's progress data imported from CSV, all or nothing (as the service log import): the file
 * is read in the bounded parser process, never in main; the preview writes nothing; the import
 * parses the file again and refuses the whole file while any line is unreadable.
 */
import { AppError } from '@shared/api/errors';
import type { ProgressImportPreview, ProgressSource } from '@shared/domain/ieps';
import type { ProgressCsvResult } from '@shared/progress/progress-csv';
import { recordAudit } from '../audit/audit-service';
import { familyOfCase } from '../cases/cases-service';
import type { ServiceContext } from '../context';
import { parseInProcess } from '../documents/parser-process';
import { goalOwner } from './ieps-service';

async function parse(bytes: Uint8Array): Promise<ProgressCsvResult> {
  const outcome = await parseInProcess('progress-csv', bytes);
  if (!outcome.ok) throw new AppError('VALIDATION', `The progress data could not be read: ${outcome.message}`, { file: outcome.message });
  return outcome.data as ProgressCsvResult;
}

const isImportable = (result: ProgressCsvResult) => result.errors.length === 0 && result.rows.length > 0;

export async function previewProgressImport(ctx: ServiceContext, input: { goalId: number; bytes: Uint8Array }): Promise<ProgressImportPreview> {
  goalOwner(ctx, input.goalId);
  const parsed = await parse(input.bytes);
  return { rows: parsed.rows, errors: parsed.errors, isImportable: isImportable(parsed) };
}

export async function importProgress(
  ctx: ServiceContext,
  input: { goalId: number; bytes: Uint8Array; source: ProgressSource },
): Promise<{ importedCount: number }> {
  goalOwner(ctx, input.goalId);
  const parsed = await parse(input.bytes);
  if (!isImportable(parsed)) {
    const fields = Object.fromEntries(parsed.errors.map((error) => [`line ${error.line}`, error.reason]));
    const first = parsed.errors[0];
    throw new AppError(
      'VALIDATION',
      `Nothing was imported: ${parsed.errors.length} ${parsed.errors.length === 1 ? 'line' : 'lines'} could not be read${first ? ` (line ${first.line}: ${first.reason})` : ''}. Fix the file and import it again.`,
      fields,
    );
  }
  return ctx.db.sqlite.transaction(() => {
    const { caseId } = goalOwner(ctx, input.goalId);
    const insert = ctx.db.sqlite.prepare('INSERT INTO goal_progress (goal_id, measured_on, value, source, district_rating, note) VALUES (?, ?, ?, ?, ?, ?)');
    for (const row of parsed.rows) insert.run(input.goalId, row.measuredOn, row.value, input.source, row.districtRating, row.note || null);
    recordAudit(
      ctx.db,
      { action: 'create', entity: 'goal_progress_import', entityId: input.goalId, familyId: familyOfCase(ctx, caseId), detail: `rows:${parsed.rows.length}` },
      ctx.now(),
    );
    return { importedCount: parsed.rows.length };
  })();
}
