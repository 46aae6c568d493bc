import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent, EventPayload } from '../../src/shared/api/events';
import { samplePdf } from '../../src/main/pdf/pdf-tools.testing';
import { entryPoint, type EntryPoint } from '../../src/main/lib/node-entry';
import type { SafeStorageLike } from '../../src/main/vault/remembered-key';
import { forkServiceHost, type ServiceClient } from '../../src/main/process/service-client';
import { onDisk, seedRiveraCase, type Call } from '../support/document-fixtures';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE } from '../support/temp-vault';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** The service process entry, forked under plain Node exactly as the bridge starts it. */
async function startService(
  pdfWorker?: EntryPoint,
  keyring?: SafeStorageLike,
  logFolder?: string,
): Promise<{ client: ServiceClient; call: Call; events: AppEvent[] }> {
  const temp = makeTempDir();
  const client = await forkServiceHost(
    {
      ...(logFolder ? { logFolder, appVersion: '9.9.9' } : {}),
      ...(pdfWorker ? { pdfWorker } : {}),
      ...(keyring ? { keyring: { isEncryptionAvailable: true, backend: 'gnome_libsecret' } } : {}),
      vaultPath: join(temp.dir, 'caseload.advd'),
      demoPath: join(temp.dir, 'demo.advd'),
      migrationsFolder: MIGRATIONS_FOLDER,
      hasSaveChooser: false,
      runsBackups: false,
    },
    keyring ? { keyring } : {},
  );
  cleanup = async () => {
    await client.close();
    temp.cleanup();
  };
  const events: AppEvent[] = [];
  client.subscribe((event) => events.push(event));
  const call: Call = async (method, input) => {
    const result = await client.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  return { client, call, events };
}

function nextEvent(client: ServiceClient, accept: (event: AppEvent) => boolean): Promise<AppEvent> {
  return new Promise((resolve) => {
    const stop = client.subscribe((event) => {
      if (!accept(event)) return;
      stop();
      resolve(event);
    });
  });
}

describe('the service process', () => {
  it('answers cases.list while a large binder is being built, and pushes the build progress as events', async () => {
    const { client, call, events } = await startService();
    await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    expect(events.map((event) => event.name)).toContain('vault.changed');
    const { caseId } = await seedRiveraCase(call);
    // 16 exhibits of 30 pages: a binder of about 500 pages.
    for (let n = 1; n <= 16; n++) {
      await call('documents.import', {
        caseId,
        fileName: `exhibit-${n}.pdf`,
        file: onDisk(await samplePdf(n, 30)),
        category: 'evaluation',
        documentDate: '2026-03-01',
      });
    }
    expect(events.filter((event) => event.name === 'data.changed').length).toBeGreaterThanOrEqual(16);

    const jobId = 'binder-service-process-test';
    const order: string[] = [];
    // Asked while the PDF is written: one long synchronous stretch of pdf-lib, which would hold
    // cases.list until the binder was done if both ran on the service process's own thread.
    const started = nextEvent(client, (event) => event.name === 'jobs.progress' && event.payload.jobId === jobId && event.payload.label === 'Writing the PDF');
    const binder = call('bundles.buildBinder', { caseId, jobId, options: {} }).then((built) => {
      order.push('binder');
      return built;
    });
    await started;
    const list = await call('cases.list', {});
    order.push('cases.list');
    const built = await binder;

    expect(list.map((item) => item.id)).toContain(caseId);
    expect(built.pageCount).toBeGreaterThan(480);
    expect(order).toEqual(['cases.list', 'binder']);

    const progress = events.flatMap((event) =>
      event.name === 'jobs.progress' && event.payload.jobId === jobId ? [event.payload as EventPayload<'jobs.progress'>] : [],
    );
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toMatchObject({ isFinished: true, label: 'Binder ready' });
    // Progress only moves forward.
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.done / Math.max(1, progress[i]!.total)).toBeGreaterThanOrEqual(progress[i - 1]!.done / Math.max(1, progress[i - 1]!.total) - 1e-9);
  }, 180_000);

  it('answers cases.list while the PDF worker is stuck in a synchronous stretch that never ends', async () => {
    const { client, call } = await startService(entryPoint(new URL('../support/stalled-pdf-worker.ts', import.meta.url)));
    await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    const { caseId } = await seedRiveraCase(call);
    const stalled = nextEvent(client, (event) => event.name === 'jobs.progress' && event.payload.label === 'Stalled on purpose');
    const binder = call('bundles.buildBinder', { caseId, jobId: 'binder-stalled-on-purpose', options: {} });
    binder.catch(() => undefined);
    await stalled;
    const list = await call('cases.list', {});
    expect(list.map((item) => item.id)).toEqual([caseId]);
    expect(await call('families.list', {})).toHaveLength(1);
  }, 60_000);

  it("remembers the vault with main's keyring, asked for across the process boundary", async () => {
    const secret = randomBytes(32);
    const keyring: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text) => {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', secret, iv);
        const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
        return Buffer.concat([iv, cipher.getAuthTag(), body]);
      },
      decryptString: (blob) => {
        const decipher = createDecipheriv('aes-256-gcm', secret, blob.subarray(0, 12));
        decipher.setAuthTag(blob.subarray(12, 28));
        return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
      },
    };
    const { call } = await startService(undefined, keyring);
    await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    expect(await call('vault.deviceKeyStatus', {})).toMatchObject({ isAvailable: true, isRemembered: false });
    expect(await call('vault.rememberOnDevice', { isEnabled: true })).toEqual({ isRemembered: true });
    await call('vault.lock', {});
    expect(await call('vault.unlockWithDevice', {})).toMatchObject({ state: 'unlocked' });
  }, 60_000);

  it('logs ids and codes to its own rotated log, and "Copy diagnostics" shows versions, state and the log without case data', async () => {
    const logs = makeTempDir();
    try {
      const { call } = await startService(undefined, undefined, logs.dir);
      await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
      await seedRiveraCase(call);
      const { text } = await call('diagnostics.get', {});
      expect(text).toContain('Advocate Desk 9.9.9');
      expect(text).toMatch(/Vault: unlocked, migrations applied: \d+/);
      expect(text).toContain('"event":"service.start"');
      expect(text).not.toMatch(/Rivera|Sofia|advocate-desk-test-/);
    } finally {
      logs.cleanup();
    }
  }, 60_000);

  it('pushes vault.changed when the vault locks, and refuses calls once it has been closed', async () => {
    const { client, call, events } = await startService();
    await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
    await call('vault.lock', {});
    expect(events.filter((event) => event.name === 'vault.changed').map((event) => event.payload)).toEqual([
      { state: 'unlocked', reason: null },
      { state: 'locked', reason: 'user' },
    ]);
    await client.close();
    expect(await client.dispatch('vault.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  }, 60_000);
});
