import { open, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { AppError } from '@shared/api/errors';
import { describeLimit, FILE_LIMITS, type FileKind } from '@shared/api/file-limits';
import type { FileRef } from '@shared/api/file-ref';

/**
 * Reads a file the advocate chose to import, by path (desktop) or upload id (browser bridge):
 * a regular file, no larger than its kind allows, read once. An upload is deleted once read, so
 * no plaintext copy stays behind.
 */
export async function readImportFile(ref: FileRef, kind: FileKind, uploadsDir: string | undefined): Promise<Buffer> {
  let path: string;
  if ('uploadId' in ref) {
    if (!uploadsDir) throw new AppError('NOT_FOUND', 'That upload is not available here.');
    path = join(uploadsDir, ref.uploadId);
  } else {
    if (!isAbsolute(ref.path)) throw new AppError('VALIDATION', 'Choose the file again (its location was not complete).', { file: 'Not a full path' });
    path = ref.path;
  }
  try {
    const handle = await open(path, 'r').catch(() => {
      throw new AppError('NOT_FOUND', 'The file could not be opened. It may have been moved or deleted; choose it again.');
    });
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new AppError('VALIDATION', 'That is not a file.', { file: 'Not a file' });
      if (stats.size > FILE_LIMITS[kind]) throw new AppError('FILE_TOO_LARGE', `This file is larger than ${describeLimit(kind)}, the most the app reads for this kind of file.`);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } finally {
    if ('uploadId' in ref) await rm(path, { force: true });
  }
}
