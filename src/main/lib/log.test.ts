import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanRecord, createLogger, tailOfLog } from './log';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

async function settled(): Promise<void> {
  // electron-log writes asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('structured logs', () => {
  it('writes one JSON object per line with the event, method, code and ids', async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocate-log-'));
    const logger = createLogger(dir, 'service');
    logger.write('error', { event: 'api.internal_error', method: 'cases.list', code: 'INTERNAL', ids: { caseId: 12 } });
    await settled();
    const lines = readFileSync(join(dir, 'service.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', event: 'api.internal_error', method: 'cases.list', code: 'INTERNAL', ids: { caseId: 12 } });
    expect(tailOfLog(logger.file)).toEqual(lines);
  });

  it('never writes free text: names, notes, paths and messages are replaced', () => {
    const record = cleanRecord({
      event: 'Sofia Rivera missed speech',
      method: 'cases.list',
      code: 'no such table: events',
      ids: { caseId: 3, note: '/home/advocate/Rivera IEP.pdf' },
    });
    expect(record).toEqual({ event: '[removed]', method: 'cases.list', code: '[removed]', ids: { caseId: 3, note: '[removed]' } });
  });

  it('rotates at the size limit into one older file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocate-log-'));
    const logger = createLogger(dir, 'main', 2_000);
    for (let n = 0; n < 60; n++) logger.write('info', { event: 'app.test', ids: { n } });
    await settled();
    expect(existsSync(join(dir, 'main.old.log'))).toBe(true);
    expect(statSync(join(dir, 'main.log')).size).toBeLessThanOrEqual(2_000);
  });
});
