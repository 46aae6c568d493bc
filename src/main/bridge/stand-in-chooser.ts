import { mkdirSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';

/**
 * The bridge's stand-in for the system's save dialog (a browser has none that returns a path):
 * every export goes into one folder under the name the app suggests, numbered when that name is
 * taken. End-to-end tests read the files from there.
 */
export function folderChooser(folder: string): (suggestedName: string) => Promise<string> {
  return async (suggestedName) => {
    mkdirSync(folder, { recursive: true });
    const safe = basename(suggestedName);
    const extension = extname(safe);
    const stem = safe.slice(0, safe.length - extension.length);
    for (let n = 1; ; n++) {
      const candidate = join(folder, n === 1 ? safe : `${stem} (${n})${extension}`);
      const isTaken = await access(candidate).then(
        () => true,
        () => false,
      );
      if (!isTaken) return candidate;
    }
  };
}
