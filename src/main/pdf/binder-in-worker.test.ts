import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { entryPoint } from '../lib/node-entry';
import { workerBinderEngine } from './binder-in-worker';
import type { BinderInput } from './binder-model';
import { samplePdf } from './pdf-tools.testing';

async function smallBinder(): Promise<BinderInput> {
  const bytes = await samplePdf(1, 2);
  return {
    case: {
      title: 'Okafor v. District',
      studentName: 'Ada Okafor',
      familyName: 'Okafor family',
      district: 'District',
      advocate: 'Advocate',
      preparedOn: '2026-03-04',
    },
    sections: [
      { id: 'cover', title: 'Cover', kind: 'generated', include: true, generated: { kind: 'cover' } },
      { id: 'evaluations', title: 'Evaluations', kind: 'documents', include: true, documents: [{ id: 'd1', title: 'Evaluation', date: '2026-01-10', bytes }] },
    ],
    options: { exhibitPrefix: 'P' },
  } as unknown as BinderInput;
}

describe("the service process's PDF worker engine", () => {
  it('keeps one warmed-up spare worker: a build takes it, and a new spare is warm again shortly after', async () => {
    const engine = workerBinderEngine();
    expect(await engine.spareReady()).toBe(true);
    const built = await engine(await smallBinder());
    expect(built.pageCount).toBeGreaterThan(2);
    // The build took the spare; the next one starts a moment after the build (its work is done by then).
    expect(await engine.spareReady()).toBe(false);
    await vi.waitFor(async () => expect(await engine.spareReady()).toBe(true), { timeout: 20_000, interval: 200 });
    expect((await engine(await smallBinder())).pageCount).toBe(built.pageCount);
  }, 60_000);

  it('does not keep the process alive with its spare (the service process must still exit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spare-exit-'));
    try {
      const script = join(dir, 'spare-exit.ts');
      const engineUrl = new URL('./binder-in-worker.ts', import.meta.url).href;
      writeFileSync(script, `import { workerBinderEngine } from ${JSON.stringify(engineUrl)};\nworkerBinderEngine();\nconsole.log('created');\n`);
      const entry = entryPoint(new URL(`file://${script}`));
      const run = spawnSync(process.execPath, [...entry.execArgv, entry.file], { env: { ...process.env, ...entry.env }, timeout: 20_000, encoding: 'utf8' });
      expect(run.stdout.trim()).toBe('created');
      expect(run.signal).toBeNull();
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('builds in a fresh worker when told to keep no spare', async () => {
    const engine = workerBinderEngine(undefined, { keepSpare: false });
    expect(await engine.spareReady()).toBe(false);
    expect((await engine(await smallBinder())).pageCount).toBeGreaterThan(2);
  }, 60_000);
});
