import type { MethodInput } from '@shared/api/contract';
import type { EXPORT_METHODS } from '@shared/api/methods/files';
import { call } from '../api/client';

type ExportMethod = (typeof EXPORT_METHODS)[number];

export interface ExportOutcome {
  fileName: string;
  /** Where the file was written; null when the advocate cancelled the save dialog. */
  savedPath: string | null;
  summary: Record<string, string | number | boolean | null>;
}

/**
 * Runs an export and saves its file where the advocate chooses. Main shows the system's save
 * dialog (the browser bridge uses its exports folder) and the service process writes the file
 * atomically: the file's bytes never come to this window. A failed write throws (FILE_WRITE_FAILED).
 */
export async function exportToFile<M extends ExportMethod>(method: M, input: MethodInput<M>): Promise<ExportOutcome> {
  const outcome = await call('files.exportTo', { method, input });
  return { fileName: outcome.fileName, savedPath: outcome.savedPath, summary: outcome.summary };
}
