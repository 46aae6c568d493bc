/**
 * The background integrity check: SQLite's quick_check reads (and so decrypts) every page of the
 * vault, which takes seconds on a large one. It runs here, in a worker thread with its own
 * read-only connection, after unlock, so opening the vault costs only the cheap checks and every
 * call is answered meanwhile. Receives the path and a copy of the data key, posts 'ok' or the
 * problems found, and zeroes its copy of the key.
 *
 * It yields the CPU to everything else: on Linux, where a nice value belongs to a thread, this
 * thread lowers its own to the lowest priority, so the first screens after unlock (the service's
 * calls, the renderer) are not slowed by a whole-file decrypt on a machine with few cores, and on
 * an idle machine it still runs at full speed. (Elsewhere the same call would lower the whole
 * process, so it is not made.)
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { openWithKey, quickCheck, type Sqlite } from '../db/connection';
import type { IntegrityRequest, IntegrityReply } from './integrity-check';

const port = parentPort;
if (!port) throw new Error('integrity-worker runs as a worker thread');

if (process.platform === 'linux') {
  try {
    // setpriority(PRIO_PROCESS, 0) on Linux: the calling thread only.
    setPriority(19);
  } catch {
    // Not allowed here (a sandbox): the check runs at normal priority.
  }
}

port.once('message', (request: IntegrityRequest) => {
  const key = Buffer.from(request.key);
  let sqlite: Sqlite | null = null;
  let reply: IntegrityReply;
  try {
    ({ sqlite } = openWithKey(request.path, key, {
      readonly: true,
      fileMustExist: true,
      ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}),
    }));
    reply = { result: quickCheck(sqlite) };
  } catch (error) {
    // Could not even open a second connection (the file moved, the vault was locked): not damage.
    reply = { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    sqlite?.close();
    key.fill(0);
    request.key.fill(0);
  }
  port.postMessage(reply);
});
