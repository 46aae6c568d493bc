import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { forkServiceHost } from '../../src/main/process/service-client';
import { onDisk, seedRiveraCase, type Call } from '../../tests/support/document-fixtures';
import { formatMs, formatTable, median } from '../report';

/** How long cases.list may take while a binder is built beside it (the PDF worker keeps the service process free). */
export const CASE_LIST_DURING_BINDER_MAX_MS = 50;

/**
 * The service process, forked as the app runs it: `cases.list` timed back to back while a
 * 480-page binder is built in the PDF worker, against the same call with nothing else running.
 */
export async function printServiceProcessBench(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'advocate-bench-service-'));
  const client = await forkServiceHost({
    vaultPath: join(dir, 'caseload.advd'),
    demoPath: join(dir, 'demo.advd'),
    migrationsFolder: fileURLToPath(new URL('../../drizzle', import.meta.url)),
    kdfIterations: 2_000,
    hasSaveChooser: false,
    runsBackups: false,
  });
  try {
    const call: Call = async (method, input) => {
      const result = await client.dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
      return result.value as never;
    };
    await call('vault.create', { passphrase: 'violet tractor swims under seven lanterns', confirmation: 'violet tractor swims under seven lanterns' });
    const { caseId } = await seedRiveraCase(call);
    for (let n = 1; n <= 16; n++) {
      await call('documents.import', {
        caseId,
        fileName: `exhibit-${n}.pdf`,
        file: onDisk(await samplePdf(n, 30)),
        category: 'evaluation',
        documentDate: '2026-03-01',
      });
    }
    const timeList = async () => {
      const started = performance.now();
      await call('cases.list', {});
      return performance.now() - started;
    };
    const idle: number[] = [];
    for (let n = 0; n < 30; n++) idle.push(await timeList());

    const during: number[] = [];
    let isBuilding = true;
    const build = call('bundles.buildBinder', { caseId, jobId: 'bench-binder-0001', options: {} }).finally(() => (isBuilding = false));
    const buildStarted = performance.now();
    while (isBuilding) during.push(await timeList());
    await build;
    const buildMs = performance.now() - buildStarted;

    const worst = Math.max(...during);
    const isPass = median(during) < CASE_LIST_DURING_BINDER_MAX_MS;
    console.log(
      formatTable(
        ['Workload', 'Idle ms', 'During binder ms', 'Worst ms', 'Calls', 'Target', 'Result'],
        [
          [
            `cases.list while a 480-page binder builds (${formatMs(buildMs)} ms)`,
            formatMs(median(idle)),
            formatMs(median(during)),
            formatMs(worst),
            String(during.length),
            `< ${CASE_LIST_DURING_BINDER_MAX_MS}`,
            isPass ? 'PASS' : 'FAIL',
          ],
        ],
      ),
    );
    return isPass;
  } finally {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
