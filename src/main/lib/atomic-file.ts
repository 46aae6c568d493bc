import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Folders that hold case data are private to the user. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
}

/** A random hidden name in the target's own folder, so the final rename stays on one file system. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The shape of every temp name this module makes; only such files are ever cleaned up. */
export const ATOMIC_TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Where large writes (binders, exports) record their temp files while they exist, so one left by
 * a crash or a kill is removed at the next start. The vault sets it while unlocked and keeps the
 * list inside the encrypted database: export folders and file names never sit on disk in the clear.
 */
export interface TempJournal {
  add(path: string): void;
  remove(path: string): void;
}
let journal: TempJournal | null = null;
export function setTempJournal(next: TempJournal | null): void {
  journal = next;
}
function journalled(action: (journal: TempJournal) => void): void {
  try {
    if (journal) action(journal);
  } catch {
    // The journal only helps clean up after a crash; a write must not fail because of it.
  }
}

function fsyncDirectory(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
  }
}

/**
 * Writes a file so that a crash leaves either the old content or the new, never a mix:
 * a temp file in the same folder, fsync, rename over the target, fsync the folder.
 */
export function writeFileAtomically(target: string, data: string | Uint8Array): void {
  const folder = dirname(target);
  const temp = tempPathFor(target);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
    fsyncDirectory(folder);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The same guarantee for large files (binders, exports) without blocking the main process: temp
 * file in the target's folder, fsync, rename, fsync the folder; on failure the temp file is removed
 * and the error rethrown.
 */
export async function writeFileAtomicallyAsync(targetPath: string, bytes: Uint8Array): Promise<void> {
  const folder = dirname(targetPath);
  const tempPath = tempPathFor(targetPath);
  let isTempCreated = false;
  try {
    // 'wx' fails rather than following or clobbering anything already there; 0o600 because
    // exports hold children's education and medical records.
    journalled((entry) => entry.add(tempPath));
    const handle = await open(tempPath, 'wx', 0o600);
    isTempCreated = true;
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, targetPath);
    isTempCreated = false;
    journalled((entry) => entry.remove(tempPath));
  } catch (error) {
    if (isTempCreated) await rm(tempPath, { force: true });
    journalled((entry) => entry.remove(tempPath));
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
