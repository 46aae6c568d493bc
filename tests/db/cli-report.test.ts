import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSPHRASE } from '../support/temp-vault';
import { seedCase, trackedVault, type TrackedVault } from '../support/deadline-fixture';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function report(args: readonly string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ADVOCATE_DESK_PASSPHRASE: STRONG_PASSPHRASE };
  const result = spawnSync('npx', ['tsx', 'src/main/cli/index.ts', 'report', ...args], { cwd: ROOT, env, encoding: 'utf8', input: '', timeout: 60_000 });
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !/^npm (warn|notice)/i.test(line.replace(/\u001b\[[0-9;]*m/g, '')))
    .join('\n')
    .trim();
  return { status: result.status, stdout: result.stdout, stderr };
}

let vault: TrackedVault;
let caseId: number;
beforeAll(async () => {
  vault = await trackedVault('2026-03-04');
  ({ caseId } = await seedCase(vault, {
    family: 'Baker family',
    firstName: 'Ben',
    lastName: 'Baker',
    events: [
      { type: 'records_request', on: '2025-12-01' },
      // Consent Jan 5 + 60 days = Mar 6; the report came Mar 4: met 2 days early (34 CFR 300.301(c)).
      { type: 'consent_to_evaluate', on: '2026-01-05', kind: 'initial' },
      { type: 'evaluation', on: '2026-03-04', kind: 'initial' },
    ],
  }));
  await vault.call('iee.create', { caseId, fields: { disputedEvaluation: 'Speech-language evaluation', requestedOn: '2026-02-02' } });
  vault.temp.vault.lock();
}, 60_000);
afterAll(() => vault.temp.cleanup());

describe('cli report', { timeout: 90_000 }, () => {
  it('prints each deadline and IEE request of a case as JSON at the given date', () => {
    const run = report(['--db', vault.temp.path, '--case', String(caseId), '--today', '2026-03-04', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.today).toBe('2026-03-04');
    expect(parsed.cases[0].deadlines).toEqual([
      expect.objectContaining({
        ruleName: 'Education records provided',
        citation: '34 CFR 300.613(a)',
        triggerDate: '2025-12-01',
        dueDate: '2026-01-15',
        daysOverdue: 48,
        isEstimate: false,
      }),
      expect.objectContaining({ ruleId: 'iee-response', dueDate: '2026-02-17', daysOverdue: 15 }),
      expect.objectContaining({ ruleId: 'initial-evaluation', dueDate: '2026-03-06', status: 'done', timeliness: 'met 2 days early', statusSource: 'fact' }),
    ]);
    expect(parsed.cases[0].ieeRequests[0]).toMatchObject({ daysSilent: 30, flagLabel: 'district silent 30 days' });
    expect(parsed.cases[0].agreementCompliance).toEqual([]);
  });

  it('says how a met deadline was met, in words, in the text report', () => {
    const run = report(['--db', vault.temp.path, '--case', String(caseId), '--today', '2026-03-04']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Initial evaluation completed (34 CFR 300.301(c)(1)(i)): met 2 days early (on 2026-03-04) [closed by a recorded fact]');
    expect(run.stdout).toContain('Education records provided (34 CFR 300.613(a)): 48 days overdue');
    expect(run.stdout).not.toContain('[done]');
  });

  it('refuses an unknown case and a date that does not exist, with distinct exit codes', () => {
    const unknown = report(['--db', vault.temp.path, '--case', '999', '--today', '2026-03-04', '--json']);
    expect(unknown).toMatchObject({ status: 1, stdout: '' });
    expect(unknown.stderr).toMatch(/No case 999/);
    const badDate = report(['--db', vault.temp.path, '--today', '2026-02-30']);
    expect(badDate.status).toBe(64);
    expect(badDate.stderr).toMatch(/real date/);
  });
});
