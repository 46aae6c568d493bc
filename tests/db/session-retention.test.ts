import { afterEach, describe, expect, it } from 'vitest';
import { createVaultAutoLock } from '../../src/main/vault/vault-auto-lock';
import { apiFor, STRONG_PASSPHRASE, unlockedVault, type TempVault } from '../support/temp-vault';

let temp: TempVault | undefined;
afterEach(() => temp?.cleanup());

/** A hand-driven clock: timers fire only when the test moves time. */
function manualClock(start: number) {
  let now = start;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => {
      timers.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle: unknown) => void timers.delete(handle as number),
    advance(ms: number) {
      now += ms;
      for (const [handle, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(handle);
          timer.callback();
        }
      }
    },
  };
}

describe('auto-lock on a real vault', () => {
  it('locks the vault after the idle time stored in it, zeroing the key, and refuses calls until unlocked', async () => {
    const vault = await unlockedVault();
    temp = vault;
    const clock = manualClock(Date.parse('2026-11-23T09:00:00Z'));
    const autoLock = createVaultAutoLock(vault.vault, { clock });
    const api = apiFor(vault.vault, { autoLock });

    expect(await api('session.getAutoLock', {})).toEqual({ ok: true, value: { idleMinutes: 15, lockOnSleep: true } });
    expect(await api('session.setAutoLock', { idleMinutes: 5, lockOnSleep: false })).toMatchObject({ ok: true });
    expect(await api('session.setAutoLock', { idleMinutes: 7, lockOnSleep: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const key = vault.vault.dataKey();

    clock.advance(4 * 60_000);
    expect(await api('session.activity', {})).toEqual({ ok: true, value: { state: 'unlocked' } });
    clock.advance(5 * 60_000);
    expect(vault.vault.isUnlocked()).toBe(false);
    expect(key.every((byte) => byte === 0)).toBe(true);
    expect(autoLock.lastLockReason).toBe('idle');
    expect(await api('session.activity', {})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(await api('families.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    // Unlocking re-arms with the setting kept in the vault (5 minutes), not the default.
    expect(await api('vault.unlock', { passphrase: STRONG_PASSPHRASE })).toMatchObject({ ok: true });
    clock.advance(5 * 60_000);
    expect(vault.vault.isUnlocked()).toBe(false);
  });
});

describe('retention', () => {
  it('flags closed cases older than the retention period, and only those', async () => {
    const vault = await unlockedVault();
    temp = vault;
    const sqlite = vault.ctx.db.sqlite;
    const family = Number(sqlite.prepare("INSERT INTO families (name) VALUES ('Retention family')").run().lastInsertRowid);
    const student = Number(sqlite.prepare("INSERT INTO students (family_id, first_name, last_name) VALUES (?, 'Ada', 'Lee')").run(family).lastInsertRowid);
    const addCase = (title: string, stage: string, closedOn: string | null, updatedAt = '2026-01-01T00:00:00.000Z') =>
      Number(
        sqlite
          .prepare('INSERT INTO cases (student_id, title, stage, opened_on, closed_on, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(student, title, stage, '2010-01-01', closedOn, updatedAt).lastInsertRowid,
      );
    // Today is 2026-11-23 in the test context; 84 months back is 2019-11-23.
    const old = addCase('Closed long ago', 'closed', '2019-11-23');
    addCase('Closed a day too recently', 'closed', '2019-11-24');
    const stageOnly = addCase('Stage closed, no date', 'closed', null, '2015-03-01T12:00:00.000Z');
    addCase('Open and old', 'mediation', null, '2012-01-01T00:00:00.000Z');

    const api = apiFor(vault.vault);
    expect(await api('retention.getSettings', {})).toEqual({ ok: true, value: { closedCaseReviewAfterMonths: 84 } });
    const flagged = await api('retention.flagged', {});
    expect(flagged).toEqual({
      ok: true,
      value: [
        {
          caseId: stageOnly,
          caseTitle: 'Stage closed, no date',
          familyId: family,
          familyName: 'Retention family',
          studentName: 'Ada Lee',
          closedOn: '2015-03-01',
          reviewDueOn: '2022-03-01',
        },
        {
          caseId: old,
          caseTitle: 'Closed long ago',
          familyId: family,
          familyName: 'Retention family',
          studentName: 'Ada Lee',
          closedOn: '2019-11-23',
          reviewDueOn: '2026-11-23',
        },
      ],
    });
    await api('retention.setSettings', { closedCaseReviewAfterMonths: 12 });
    expect(((await api('retention.flagged', {})) as { ok: true; value: unknown[] }).value).toHaveLength(3);
  });
});
