/**
 * The service process as the packaged app starts it: out/main/service-entry.js with the PDF worker,
 * the integrity worker and the parser process built beside it (the e2e global setup has just built
 * out/). Most packages are inlined in those files (electron.vite.config.ts); this runs each part.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/main/cli/paths';
import { entryPoint } from '../../src/main/lib/node-entry';
import { samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { forkServiceHost, type ServiceClient } from '../../src/main/process/service-client';
import { STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

const MAIN = fileURLToPath(new URL('../../out/main', import.meta.url));
const built = (name: string) => ({ file: join(MAIN, name), execArgv: [], env: {} });

let temp: TempVault;
let service: ServiceClient;
/** The fields these calls' answers are read for. */
type Answer = { state?: string; id?: number; pageCount?: number };
const call = async (method: string, input: unknown): Promise<Answer> => {
  const reply = (await service.dispatch(method as never, input as never)) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  if (!reply.ok) throw Object.assign(new Error(`${method}: ${reply.error?.message}`), { code: reply.error?.code });
  return reply.value as Answer;
};

beforeAll(async () => {
  temp = tempVault();
  await temp.vault.create(STRONG_PASSPHRASE);
  temp.vault.lock();
  service = await forkServiceHost(
    {
      vaultPath: temp.path,
      demoPath: `${temp.path}.demo`,
      migrationsFolder: MIGRATIONS_FOLDER,
      hasSaveChooser: false,
      runsBackups: false,
      uploadsDir: join(temp.dir, 'uploads'),
      pdfWorker: built('pdf-worker.js'),
      integrityWorker: built('integrity-worker.js'),
    },
    {},
    entryPoint(pathToFileURL(join(MAIN, 'service-entry.js'))),
  );
}, 60_000);
afterAll(async () => {
  await service?.close();
  temp?.cleanup();
});

describe('the built service process', { timeout: 60_000 }, () => {
  it('unlocks, imports a PDF through the parser process, builds a binder in the PDF worker and rates a passphrase', async () => {
    expect((await call('vault.unlock', { passphrase: STRONG_PASSPHRASE })).state).toBe('unlocked');
    const family = await call('families.create', { name: 'Okafor family' });
    const student = await call('families.createStudent', { familyId: family.id!, fields: { firstName: 'Ada', lastName: 'Okafor' } });
    const kase = await call('cases.create', { studentId: student.id!, title: 'Ada Okafor: reading', openedOn: '2026-09-01', issues: [] });

    const file = join(temp.dir, 'iep.pdf');
    writeFileSync(file, await samplePdf(1, 3));
    const imported = await call('documents.import', {
      caseId: kase.id,
      fileName: 'iep.pdf',
      file: { path: file },
      category: 'iep',
      documentDate: '2026-10-01',
    });
    expect(imported.pageCount).toBe(3);

    const binder = await call('bundles.buildBinder', { caseId: kase.id!, jobId: 'built-service-binder', options: {} });
    expect(binder.pageCount).toBeGreaterThan(3);

    await expect(
      call('vault.changePassphrase', { currentPassphrase: STRONG_PASSPHRASE, passphrase: 'okafor family 2026', confirmation: 'okafor family 2026' }),
    ).rejects.toMatchObject({
      code: 'WEAK_PASSPHRASE',
    });
    // The integrity check after unlock ran in its worker and found nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await call('vault.status', {})).state).toBe('unlocked');
    expect(readFileSync(join(MAIN, 'service-entry.js'), 'utf8')).not.toMatch(/^import .* from "(zod|drizzle-orm|pdf-lib)/m);
  });
});
