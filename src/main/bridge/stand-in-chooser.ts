import { mkdirSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { extname, basename, join } from 'node:path';
import type { OpenChoice } from '../process/protocol';

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

/**
 * The bridge's stand-in for the system's open dialog. A browser has none that returns a path, so
 * end-to-end tests (or a developer) write the next answer into `choicesFile` as JSON,
 * `{ "file": "/abs/path", "folder": "/abs/path" }`; it is read at each ask. Without one, a folder
 * choice answers `defaultFolder` and a file choice is cancelled.
 */
export function standInOpenChooser(choicesFile: string, defaultFolder: string): (choice: OpenChoice) => Promise<string | null> {
  return async (choice) => {
    let answers: { file?: unknown; folder?: unknown } = {};
    try {
      answers = JSON.parse(await readFile(choicesFile, 'utf8')) as typeof answers;
    } catch {
      // No answers written: the defaults below.
    }
    const answer = choice.kind === 'folder' ? (answers.folder ?? defaultFolder) : (answers.file ?? null);
    return typeof answer === 'string' ? answer : null;
  };
}
