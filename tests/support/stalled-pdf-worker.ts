/**
 * A stand-in PDF worker for the service-process test: it reports progress once, then holds its
 * thread in one synchronous stretch that never ends, the way pdf-lib holds it while writing a
 * large binder, only forever. Whatever else the service process does must not wait for it.
 */
import { parentPort } from 'node:worker_threads';

parentPort?.once('message', () => {
  parentPort?.postMessage({ type: 'progress', done: 1, total: 2, label: 'Stalled on purpose' });
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
});
