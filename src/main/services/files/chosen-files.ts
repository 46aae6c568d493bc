import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/api/errors';

/** How long a file chosen in a dialog stays usable by its id. */
const HOLD_MS = 30 * 60_000;
const chosen = new Map<string, { path: string; timer: NodeJS.Timeout }>();

/**
 * Keeps a path main's dialog (or the bridge's stand-in chooser) returned, and gives the renderer an
 * opaque id for it instead. The renderer can only refer back to files the advocate chose, never
 * name a path itself (which would let it probe whether any file exists).
 */
export function holdChosenPath(path: string): string {
  const id = randomBytes(16).toString('hex');
  const timer = setTimeout(() => chosen.delete(id), HOLD_MS);
  timer.unref();
  chosen.set(id, { path, timer });
  return id;
}

/** The path behind an id from `holdChosenPath`; NOT_FOUND when it expired or never existed. */
export function chosenPath(id: string): string {
  const entry = chosen.get(id);
  if (!entry) throw new AppError('NOT_FOUND', 'That file choice has expired. Choose the file again.');
  return entry.path;
}
