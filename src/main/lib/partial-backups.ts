import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A backup being written: `.caseload-YYYYMMDD-HHMMSS.<random>.partial` in the backup folder. */
export const PARTIAL_NAME = /^\.caseload-\d{8}-\d{6}\.[0-9a-f]{12}\.partial$/;

export function partialName(baseName: string, random: string): string {
  return `.${baseName}.${random}.partial`;
}

/** Removes every temporary file of ours in `folder` (a backup killed half-way); run at unlock, when none is being written. */
export function removePartialBackups(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(folder)) {
    // VACUUM INTO's own journal beside the temp counts too.
    if (!PARTIAL_NAME.test(name.replace(/-(journal|wal|shm)$/, ''))) continue;
    rmSync(join(folder, name), { force: true });
    removed.push(name);
  }
  return removed;
}
