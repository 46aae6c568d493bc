/**
 * The PDF worker: builds one binder (pdf-lib is synchronous: a 500-page binder holds its thread
 * for seconds) off the service process's event loop, so `cases.list` and every other call keep
 * answering while it runs. Receives the assembled input, posts progress and then the result.
 * Nothing here touches the vault; the service process gathers the input and writes the file.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '@shared/api/errors';
import { buildBinder } from './binder';
import type { BinderInput } from './binder-model';
import type { PdfWorkerReply } from './binder-in-worker';

const port = parentPort;
if (!port) throw new Error('pdf-worker runs as a worker thread');

port.once('message', (input: BinderInput) => {
  const post = (reply: PdfWorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  buildBinder(input, { onProgress: (done, total, label) => post({ type: 'progress', done, total, label }) })
    .then((result) => post({ type: 'done', result }, [result.bytes.buffer as ArrayBuffer]))
    .catch((error: unknown) =>
      post(
        error instanceof AppError
          ? { type: 'failed', code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) }
          : { type: 'failed', code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
      ),
    );
});
