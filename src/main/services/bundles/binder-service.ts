import { stat } from 'node:fs/promises';
import { AppError } from '@shared/api/errors';
import type { BinderBuildOptions, BinderBuildResult, BinderPlan } from '@shared/domain/documents';
import { buildBinder } from '../../pdf/binder';
import type { BinderResult, ProgressCallback } from '../../pdf/binder-model';
import { writeFileAtomicallyAsync } from '../../lib/atomic-file';
import { holdExport } from '../files/save-export';
import { recordAudit } from '../audit/audit-service';
import type { ServiceContext } from '../context';
import { assembleBinderInput, binderWarnings } from './binder-input';
import { finishBinderJob, startBinderJob } from './binder-jobs';
import { planBinderSections, toBinderPlan } from './binder-plan';
import { loadCaseFacts, type CaseFacts } from '../cases/case-loader';
import { binderFileName } from './file-names';
import { positionStatementText } from './position-statement';
import dayjs from 'dayjs';

export interface CaseBinder {
  result: BinderResult;
  fileName: string;
  facts: CaseFacts;
  /** Every document left out with its reason: not a PDF, or unreadable when the binder was built. */
  skipped: BinderBuildResult['skipped'];
  warnings: string[];
}

export function binderPlanFor(ctx: ServiceContext, caseId: number, options: BinderBuildOptions): BinderPlan {
  const facts = loadCaseFacts(ctx, caseId);
  const warnings = binderWarnings(ctx, facts);
  const asOf = options.asOf ?? dayjs(ctx.now()).format('YYYY-MM-DD');
  return toBinderPlan(caseId, planBinderSections(ctx, caseId, options), warnings, options.positionStatement ?? positionStatementText(ctx, facts, asOf));
}

/** Builds the binder from the case data: cover, index, tabs, generated pages, exhibits. */
export async function buildBinderForCase(ctx: ServiceContext, caseId: number, options: BinderBuildOptions, onProgress?: ProgressCallback): Promise<CaseBinder> {
  const assembled = assembleBinderInput(ctx, caseId, options);
  const engine = ctx.binderEngine ?? buildBinder;
  const result = await engine(assembled.input, onProgress ? { onProgress } : {});
  const skipped = [
    ...assembled.unusable,
    ...result.skipped.map((item) => ({ documentId: Number(item.documentId), title: item.title, sectionTitle: item.sectionTitle, reason: item.reason })),
  ];
  return { result, fileName: binderFileName(assembled.facts, assembled.asOf), facts: assembled.facts, skipped, warnings: assembled.warnings };
}

/** The binder leaves the vault as a file: one audit row, ids and counts only. */
function auditExport(ctx: ServiceContext, binder: CaseBinder, how: 'chosen' | 'file'): void {
  ctx.db.sqlite.transaction(() => {
    recordAudit(
      ctx.db,
      {
        action: 'export',
        entity: 'binder',
        entityId: binder.facts.caseRecord.id,
        familyId: binder.facts.family.id,
        detail: `to=${how};pages=${binder.result.pageCount};exhibits=${binder.result.index.length};skipped=${binder.skipped.length}`,
      },
      ctx.now(),
    );
  })();
}

/**
 * 'bundles.buildBinder': builds the binder and keeps the PDF in this process until the advocate
 * saves it (`files.saveExport`, which writes it where they choose and only then audits the
 * export). Progress is pushed as `jobs.progress` events for the job id.
 */
export async function buildBinderForRenderer(
  ctx: ServiceContext,
  input: { caseId: number; jobId?: string | undefined; options: BinderBuildOptions },
): Promise<BinderBuildResult> {
  const report = input.jobId ? startBinderJob(ctx, input.jobId) : undefined;
  let binder: CaseBinder;
  try {
    binder = await buildBinderForCase(ctx, input.caseId, input.options, report);
  } catch (error) {
    if (input.jobId) finishBinderJob(ctx, input.jobId, 'The binder could not be built');
    throw error;
  }
  if (input.jobId) finishBinderJob(ctx, input.jobId, 'Binder ready');
  const { result } = binder;
  const exportId = holdExport({ kind: 'binderPdf', fileName: binder.fileName, mimeType: 'application/pdf', bytes: result.bytes }, () =>
    auditExport(ctx, binder, 'chosen'),
  );
  return {
    fileName: binder.fileName,
    exportId,
    pageCount: result.pageCount,
    sections: result.sections,
    index: result.index.map((entry) => ({
      exhibit: entry.exhibit,
      sectionTitle: entry.sectionTitle,
      documentId: Number(entry.documentId),
      title: entry.title,
      date: entry.date,
      startPage: entry.startPage,
      endPage: entry.endPage,
    })),
    skipped: binder.skipped,
    warnings: binder.warnings,
  };
}

export interface SaveBinderOptions {
  /** Replace an existing file at the target; refused otherwise. */
  isOverwriteAllowed?: boolean;
  onProgress?: ProgressCallback;
}

/**
 * Builds the binder and writes it to `targetPath` atomically (temp name in the target folder,
 * fsync, rename): the target is never a partial binder. Used by the CLI and any save-to-path caller.
 */
export async function saveBinder(
  ctx: ServiceContext,
  caseId: number,
  options: BinderBuildOptions,
  targetPath: string,
  saveOptions: SaveBinderOptions = {},
): Promise<CaseBinder> {
  if (!saveOptions.isOverwriteAllowed && (await stat(targetPath).catch(() => null))) {
    throw new AppError('CONFLICT', 'A file with that name already exists; choose another name or allow replacing it.');
  }
  const binder = await buildBinderForCase(ctx, caseId, options, saveOptions.onProgress);
  await writeFileAtomicallyAsync(targetPath, binder.result.bytes);
  auditExport(ctx, binder, 'file');
  return binder;
}
