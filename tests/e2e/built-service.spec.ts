/**
 * The service process as the packaged app starts it: out/main/service-entry.js with the PDF worker,
 * the integrity worker and the parser process built beside it (the e2e global setup has just built
 * out/). Most packages are inlined in those files (electron.vite.config.ts); this runs each part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../src/main/cli/paths';
import { entryPoint } from '../../src/main/lib/node-entry';
import { samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { forkServiceHost, type ServiceClient } from '../../src/main/process/service-client';
import { workerIntegrityChecker } from '../../src/main/vault/integrity-check';
import { parseKeyEnvelope, unwrapWithPassphrase } from '../../src/main/vault/key-envelope';
import { keysPathFor } from '../../src/main/vault/vault-manager';
import { onDisk, seedRiveraCase, type Call } from '../support/document-fixtures';
import { STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

const MAIN = fileURLToPath(new URL('../../out/main', import.meta.url));
const built = (name: string) => ({ file: join(MAIN, name), execArgv: [], env: {} });

let temp: TempVault;
let service: ServiceClient;
/** As the other service-process tests call it, with the error's code kept for the assertion. */
const call: Call = async (method, input) => {
  const result = await service.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method}: ${result.error.message}`), { code: result.error.code });
  return result.value as never;
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
    const { caseId } = await seedRiveraCase(call);

    const imported = await call('documents.import', {
      caseId,
      fileName: 'iep.pdf',
      file: onDisk(await samplePdf(1, 3)),
      category: 'iep',
      documentDate: '2026-10-01',
    });
    expect(imported.pageCount).toBe(3);

    const binder = await call('bundles.buildBinder', { caseId, jobId: 'built-service-binder', options: {} });
    expect(binder.pageCount).toBeGreaterThan(3);

    await expect(
      call('vault.changePassphrase', { currentPassphrase: STRONG_PASSPHRASE, passphrase: 'rivera family 2026', confirmation: 'rivera family 2026' }),
    ).rejects.toMatchObject({
      code: 'WEAK_PASSPHRASE',
    });
    expect((await call('vault.status', {})).state).toBe('unlocked');
    expect(readFileSync(join(MAIN, 'service-entry.js'), 'utf8')).not.toMatch(/^import .* from "(zod|drizzle-orm|pdf-lib)/m);
  });

  it('checks the whole vault in the built integrity worker, the one the service starts once calls go quiet', async () => {
    const dataKey = await unwrapWithPassphrase(parseKeyEnvelope(readFileSync(keysPathFor(temp.path), 'utf8')), STRONG_PASSPHRASE);
    expect(await workerIntegrityChecker(built('integrity-worker.js'))(temp.path, dataKey)).toBe('ok');
  });
});
