import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/api/errors';
import { describeLimit, FILE_LIMITS, type FileKind } from '@shared/api/file-limits';
import { sanitizeFileName } from '../../pdf/file-output';
import { writeFileAtomicallyAsync } from '../../lib/atomic-file';

/** The parent's save dialog (Electron main) or the bridge's stand-in chooser: a path, or null when cancelled. */
export type ChooseSavePath = (suggestedName: string, mimeType: string) => Promise<string | null>;

export interface ExportFile {
  kind: FileKind;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface SaveOutcome {
  savedPath: string | null;
  wasCancelled: boolean;
}

/**
 * Writes an export where the advocate chooses: asks for the path, writes atomically (temp name
 * in the target folder, fsync, rename: never a partial file), and only then calls `afterWrite`
 * (the audit entry), so a cancelled or failed save leaves no "exported" record. A failed write
 * is reported as FILE_WRITE_FAILED, never swallowed.
 */
export async function saveExport(choose: ChooseSavePath | undefined, file: ExportFile, afterWrite: (path: string) => void): Promise<SaveOutcome> {
  if (!choose) throw new AppError('FORBIDDEN', 'Saving files needs the desktop app.');
  if (file.bytes.byteLength > FILE_LIMITS[file.kind]) {
    throw new AppError('FILE_TOO_LARGE', `This file is larger than ${describeLimit(file.kind)}, the most the app writes for this kind of file.`);
  }
  const target = await choose(sanitizeFileName(file.fileName), file.mimeType);
  if (!target) return { savedPath: null, wasCancelled: true };
  try {
    await writeFileAtomicallyAsync(target, file.bytes);
  } catch {
    throw new AppError(
      'FILE_WRITE_FAILED',
      'The file could not be saved there (the disk may be full, or the folder read-only). Nothing was written; choose another place.',
    );
  }
  afterWrite(target);
  return { savedPath: target, wasCancelled: false };
}

interface HeldExport {
  file: ExportFile;
  afterWrite: (path: string) => void;
  timer: NodeJS.Timeout;
}

/** How long a built export waits for "Save…" before its bytes are let go. */
const HOLD_MS = 30 * 60_000;
const held = new Map<string, HeldExport>();

/**
 * Keeps a built export (a binder) in the service process until the advocate saves it, so its
 * bytes never travel to the renderer. Returns the id the renderer passes to `files.saveExport`.
 */
export function holdExport(file: ExportFile, afterWrite: (path: string) => void): string {
  const id = randomBytes(16).toString('hex');
  const timer = setTimeout(() => held.delete(id), HOLD_MS);
  timer.unref();
  held.set(id, { file, afterWrite, timer });
  return id;
}

export async function saveHeldExport(choose: ChooseSavePath | undefined, exportId: string): Promise<SaveOutcome> {
  const entry = held.get(exportId);
  if (!entry) throw new AppError('NOT_FOUND', 'That file is no longer ready to save (it was built too long ago, or the vault was locked). Build it again.');
  const outcome = await saveExport(choose, entry.file, entry.afterWrite);
  // Saved once is done; a cancelled save can be tried again.
  if (outcome.savedPath) {
    clearTimeout(entry.timer);
    held.delete(exportId);
  }
  return outcome;
}

/** On lock: built exports hold case data and go with the key. */
export function dropHeldExports(): void {
  for (const entry of held.values()) clearTimeout(entry.timer);
  held.clear();
}
