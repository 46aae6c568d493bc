/**
 * The PDF worker: builds one binder (pdf-lib is synchronous: a 500-page binder holds its thread
 * for seconds) off the service process's event loop, so `cases.list` and every other call keep
 * answering while it runs. Receives the assembled input, posts progress and then the result.
 * Nothing here touches the vault; the service process gathers the input and writes the file.
 *
 * A worker is started ahead of its build (binder-in-worker.ts keeps one spare) and first builds a
 * small binder of its own, so loading pdf-lib, reading the fonts and compiling the stamping and
 * copying code happen while the advocate is still choosing sections, not after the click.
 * Messages wait in the port until the warm-up is done.
 */
import { parentPort } from 'node:worker_threads';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { AppError } from '@shared/api/errors';
import { buildBinder } from './binder';
import { DEFAULT_SECTIONS, type BinderInput } from './binder-model';
import type { PdfWorkerReply } from './binder-in-worker';

if (!parentPort) throw new Error('pdf-worker runs as a worker thread');
const port = parentPort;

/** Pages in the warm-up binder: enough for V8 to optimize the per-page copying and stamping. */
const WARM_UP_PAGES = 40;

/** A cover, an index and stamped exhibits of WARM_UP_PAGES text pages, built and thrown away. */
async function warmUp(): Promise<void> {
  const source = await PDFDocument.create();
  const font = await source.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= WARM_UP_PAGES / 4; number += 1) {
    const page = source.addPage([612, 792]);
    for (let line = 0; line < 30; line += 1) page.drawText(`Warm-up page ${number}, line ${line + 1}`, { x: 72, y: 700 - line * 20, size: 10, font });
  }
  const bytes = await source.save();
  const documents = DEFAULT_SECTIONS.filter((section) => section.kind === 'documents').slice(0, 2);
  await buildBinder({
    case: { title: 'Warm-up', studentName: 'Student', familyName: 'Family', district: 'District', advocate: 'Advocate', preparedOn: '2025-01-01' },
    sections: [
      { id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } },
      ...documents.map((section) => ({
        id: section.id,
        title: section.title,
        kind: 'documents' as const,
        include: true,
        documents: [1, 2].map((number) => ({
          id: `${section.id}-${number}`,
          title: `Warm-up ${number}`,
          date: '2025-01-01',
          author: '',
          description: '',
          bytes,
        })),
      })),
    ],
    options: { exhibitPrefix: 'P', bates: { prefix: 'WARM', digits: 6, start: 1 } },
  } as BinderInput);
}

function buildOnRequest(): void {
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
}

void warmUp()
  // Only a head start: a failure here shows again, with its message, in the real build.
  .catch(() => undefined)
  .finally(() => {
    buildOnRequest();
    port.postMessage({ type: 'ready' } satisfies PdfWorkerReply);
  });
