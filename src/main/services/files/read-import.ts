import { open, rm } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { AppError } from '@shared/api/errors';
import { describeLimit, FILE_LIMITS, type FileKind } from '@shared/api/file-limits';
import type { FileRef } from '@shared/api/file-ref';
import { chosenPath } from './chosen-files';

function pathOf(ref: FileRef, uploadsDir: string | undefined): string {
  if ('choiceId' in ref) return chosenPath(ref.choiceId);
  if ('uploadId' in ref) {
    if (!uploadsDir) throw new AppError('NOT_FOUND', 'That upload is not available here.');
    return join(uploadsDir, ref.uploadId);
  }
  if (!isAbsolute(ref.path)) throw new AppError('VALIDATION', 'Choose the file again (its location was not complete).', { file: 'Not a full path' });
  return ref.path;
}

/** The file's own name, when the reference carries one (a chosen or dropped file; an upload has none). */
export function importFileName(ref: FileRef): string | null {
  if ('choiceId' in ref) return basename(chosenPath(ref.choiceId));
  if ('path' in ref) return basename(ref.path);
  return null;
}

/**
 * Reads a file the advocate chose to import, by main's dialog (choice id), by path (a drop in the
 * desktop app) or by upload id (browser bridge): a regular file, no larger than its kind allows,
 * read once. An upload is deleted once read, so no plaintext copy stays behind.
 */
export async function readImportFile(ref: FileRef, kind: FileKind, uploadsDir: string | undefined): Promise<Buffer> {
  const path = pathOf(ref, uploadsDir);
  try {
    const handle = await open(path, 'r').catch(() => {
      throw new AppError('NOT_FOUND', 'The file could not be opened. It may have been moved or deleted; choose it again.');
    });
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new AppError('VALIDATION', 'That is not a file.', { file: 'Not a file' });
      if (stats.size > FILE_LIMITS[kind])
        throw new AppError('FILE_TOO_LARGE', `This file is larger than ${describeLimit(kind)}, the most the app reads for this kind of file.`, {
          file: `Larger than ${describeLimit(kind)}`,
        });
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } finally {
    if ('uploadId' in ref) await rm(path, { force: true });
  }
}
