/**
 * Every bad input gets a clear error, never INTERNAL: the cases found by trying to break the app.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/main/bridge/bridge-server';
import { apiFor, makeTempDir, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';
import { seedRiveraCase } from '../support/document-fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let temp: TempVault;
let bridge: RunningBridge;
/** What the stand-in folder/file chooser answers next. */
let nextChoice: string | null = null;
let cookie: string;
let statics: { dir: string; cleanup: () => void };
let caseId: number;
let studentId: number;

type Reply = { ok: boolean; error?: { code: string; message: string } };
const call = (method: string, input: unknown): Promise<Reply> =>
  fetch(`${bridge.origin}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ method, input }),
  }).then((r) => r.json() as Promise<Reply>);

beforeAll(async () => {
  temp = tempVault();
  statics = makeTempDir();
  mkdirSync(join(statics.dir, 'assets'));
  writeFileSync(join(statics.dir, 'index.html'), '<!doctype html><title>Advocate Desk</title>');
  const dispatch = apiFor(temp.vault, {}, undefined, undefined, { chooseOpenPath: async () => nextChoice });
  bridge = await startBridge({ dispatch, staticDir: statics.dir });
  const login = await fetch(bridge.loginUrl, { redirect: 'manual' });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  expect(await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE })).toMatchObject({ ok: true });
  const seeded = await seedRiveraCase(async (method, input) => {
    const reply = (await call(method, input)) as Reply & { value: never };
    if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`);
    return reply.value;
  });
  caseId = seeded.caseId;
  studentId = seeded.studentId;
});
afterAll(async () => {
  await bridge?.close();
  temp?.cleanup();
  statics?.cleanup();
});

function rawStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${bridge.origin}${path}`, { headers: { Cookie: cookie }, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function postRaw(body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${bridge.origin}/api`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body });
  return { status: response.status, text: await response.text() };
}

describe('bad inputs get a clear error, never INTERNAL', { timeout: 60_000 }, () => {
  it('a null, array or number JSON body is a 400, not a 500', async () => {
    for (const body of ['null', '[]', '42', '"text"']) {
      const reply = await postRaw(body);
      expect(reply.status, body).toBe(400);
      expect(reply.text).toMatch(/JSON object/);
    }
  });

  it('a malformed % escape in a URL path is a 400, not a 500', async () => {
    expect(await rawStatus('/%E0%A4%A')).toBe(400);
    expect(await rawStatus('/assets/%')).toBe(400);
  });

  it('a NUL in search text is refused clearly (search palette and document list)', async () => {
    const search = await call('search.query', { text: 'Rivera\u0000speech' });
    expect(search.ok ? 'ok' : search.error!.code).not.toBe('INTERNAL');
    const list = await call('documents.list', { caseId, search: 'a\u0000b' });
    expect(list.ok ? 'ok' : list.error!.code).not.toBe('INTERNAL');
  });

  it('/proc/self, a file, and a relative path as the backup folder are refused with a reason, even from the chooser', async () => {
    for (const folder of ['/proc/self', '/proc/self/fd', '/dev', join(statics.dir, 'index.html'), 'relative/backups']) {
      nextChoice = folder;
      const reply = await call('backups.chooseFolder', {});
      expect(reply, folder).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { folder: expect.any(String) } } });
    }
    nextChoice = null;
  });

  it('no file location is taken from the caller: backup folder, restore source and vault file are refused as raw paths', async () => {
    expect(await call('backups.setSettings', { folder: statics.dir, keep: 3, intervalHours: 24 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Asking about a file that exists and one that does not gets the same answer: nothing is revealed.
    const existing = await call('backups.restore', {
      backupPath: join(statics.dir, 'index.html'),
      targetPath: join(statics.dir, 'x.advd'),
      passphrase: 'guess',
    });
    const missing = await call('backups.restore', {
      backupPath: join(statics.dir, 'nothing-here'),
      targetPath: join(statics.dir, 'x.advd'),
      passphrase: 'guess',
    });
    expect(existing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(missing).toEqual(existing);
    expect(await call('backups.restore', { backupFileName: '/etc/passwd', passphrase: 'guess' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('vault.usePath', { path: join(statics.dir, 'index.html') })).toMatchObject({ ok: false });
    expect(await call('vault.use', { path: join(statics.dir, 'index.html') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('vault.use', { preMigrationCopy: join(statics.dir, 'index.html') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a case cannot close before it opens', async () => {
    const created = await call('cases.create', { studentId, title: 'Closed early', openedOn: '2025-09-01', closedOn: '2025-08-01' });
    expect(created).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/cannot close \(2025-08-01\) before it opens \(2025-09-01\)/) },
    });
    const update = await call('cases.update', { id: caseId, fields: { title: 'Rivera', openedOn: '2025-09-01', closedOn: '2024-01-01' } });
    expect(update).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('term schedules with absurd numbers and unknown keys deep inside are refused', async () => {
    const agreement = (await call('agreements.create', { caseId, fields: { type: 'iep_services', title: 'IEP 2025', signedOn: '2025-09-01' } })) as Reply & {
      value?: { id: number };
    };
    expect(agreement.ok, JSON.stringify(agreement.error)).toBe(true);
    const base = { category: 'service', description: 'Speech therapy', provider: 'District SLP', startsOn: '2025-09-01', endsOn: '2026-06-10' };
    const absurd = await call('agreements.createTerm', {
      agreementId: agreement.value!.id,
      fields: { ...base, schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 1e9, period: 'week' } },
    });
    expect(absurd).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknownKey = await call('agreements.createTerm', {
      agreementId: agreement.value!.id,
      fields: { ...base, schedule: { kind: 'recurring', minutesPerSession: 30, sessionsPerPeriod: 2, period: 'week', bonus: 1 } },
    });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('`cli verify | true` (a reader that is already gone) ends quietly when the reader goes away (EPIPE), no stack trace', async () => {
    temp.vault.lock();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', `npx tsx src/main/cli/index.ts verify --db "${temp.path}" | true`], {
        cwd: ROOT,
        env: { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    const errors = result.stderr.split('\n').filter((line) => line.trim() && !/npm (warn|notice)/i.test(line));
    expect(errors.join('\n')).not.toMatch(/EPIPE|at .*\(|Error:/);
    await temp.vault.unlock({ passphrase: STRONG_PASSPHRASE });
  });
});
