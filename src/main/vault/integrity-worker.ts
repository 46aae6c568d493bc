/**
 * The background integrity check: SQLite's quick_check reads (and so decrypts) every page of the
 * vault, which takes seconds on a large one. It runs here, in a worker thread with its own
 * read-only connection, after unlock, so opening the vault costs only the cheap checks and every
 * call is answered meanwhile. Receives the path and a copy of the data key, posts 'ok' or the
 * problems found, and zeroes its copy of the key.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { quickCheck } from '../db/connection';
import type { IntegrityRequest, IntegrityReply } from './integrity-check';

const port = parentPort;
if (!port) throw new Error('integrity-worker runs as a worker thread');

port.once('message', (request: IntegrityRequest) => {
  const key = Buffer.from(request.key);
  let sqlite: Database.Database | null = null;
  let reply: IntegrityReply;
  try {
    sqlite = new Database(request.path, { readonly: true, fileMustExist: true, ...(request.nativeBinding ? { nativeBinding: request.nativeBinding } : {}) });
    sqlite.key(key);
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
