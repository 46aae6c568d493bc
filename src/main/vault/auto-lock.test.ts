import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoLock, type AutoLockSettings, type LockReason } from './auto-lock';
import { withActivity } from './with-activity';

const MINUTE = 60_000;

function harness(settings?: AutoLockSettings, loaded?: AutoLockSettings) {
  const state = { isUnlocked: true, locks: [] as LockReason[] };
  const autoLock = new AutoLock({
    isUnlocked: () => state.isUnlocked,
    onLock: (reason) => {
      state.isUnlocked = false;
      state.locks.push(reason);
    },
    ...(settings ? { settings } : {}),
    ...(loaded ? { loadSettings: () => loaded } : {}),
  });
  const unlock = () => {
    state.isUnlocked = true;
    autoLock.activity();
  };
  return { state, autoLock, unlock };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('auto-lock', () => {
  it('locks after 15 idle minutes by default, not a second before', () => {
    const { state, unlock } = harness();
    unlock();
    vi.advanceTimersByTime(15 * MINUTE - 1000);
    expect(state.isUnlocked).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(state.isUnlocked).toBe(false);
    expect(state.locks).toEqual(['idle']);
  });

  it('restarts the idle time on every activity', () => {
    const { state, autoLock, unlock } = harness({ idleMinutes: 5, lockOnSleep: true });
    unlock();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4 * MINUTE);
      expect(autoLock.activity()).toBe('unlocked');
    }
    expect(state.isUnlocked).toBe(true);
    vi.advanceTimersByTime(5 * MINUTE);
    expect(state.locks).toEqual(['idle']);
  });

  it('never locks by idle time when the setting is never, but still locks on sleep', () => {
    const { state, autoLock, unlock } = harness({ idleMinutes: null, lockOnSleep: true });
    unlock();
    vi.advanceTimersByTime(10 * 24 * 60 * MINUTE);
    autoLock.systemIdleFor(10 * 24 * 3600);
    expect(state.isUnlocked).toBe(true);
    autoLock.systemSuspended();
    expect(state.locks).toEqual(['suspend']);
  });

  it('locks on system sleep and on the screen locking only when asked to', () => {
    const asked = harness({ idleMinutes: 60, lockOnSleep: true });
    asked.unlock();
    asked.autoLock.screenLocked();
    expect(asked.state.locks).toEqual(['screen_locked']);

    const notAsked = harness({ idleMinutes: 60, lockOnSleep: false });
    notAsked.unlock();
    notAsked.autoLock.systemSuspended();
    notAsked.autoLock.screenLocked();
    expect(notAsked.state.isUnlocked).toBe(true);
  });

  it('refuses the first call after a deadline that passed while timers slept', () => {
    const { state, autoLock, unlock } = harness({ idleMinutes: 1, lockOnSleep: false });
    unlock();
    // The wall clock jumps (the laptop slept) without the timer having fired yet.
    vi.setSystemTime(Date.now() + 2 * MINUTE);
    expect(autoLock.activity()).toBe('locked');
    expect(state.locks).toEqual(['idle']);
  });

  it('locks when the operating system has seen no input for the idle time', () => {
    const { state, autoLock, unlock } = harness({ idleMinutes: 5, lockOnSleep: false });
    unlock();
    autoLock.systemIdleFor(4 * 60);
    expect(state.isUnlocked).toBe(true);
    autoLock.systemIdleFor(5 * 60);
    expect(state.locks).toEqual(['system_idle']);
  });

  it('reads the settings stored in the vault when it is unlocked, and applies a change at once', () => {
    const { state, autoLock, unlock } = harness(undefined, { idleMinutes: 1, lockOnSleep: true });
    unlock();
    expect(autoLock.settings.idleMinutes).toBe(1);
    autoLock.configure({ idleMinutes: 30, lockOnSleep: true });
    vi.advanceTimersByTime(29 * MINUTE);
    expect(state.isUnlocked).toBe(true);
    vi.advanceTimersByTime(MINUTE);
    expect(state.isUnlocked).toBe(false);
  });

  it('does nothing while the vault is locked, and locks on demand', () => {
    const { state, autoLock, unlock } = harness({ idleMinutes: 1, lockOnSleep: true });
    state.isUnlocked = false;
    expect(autoLock.activity()).toBe('locked');
    autoLock.systemSuspended();
    expect(state.locks).toEqual([]);
    unlock();
    autoLock.lockNow();
    expect(state.locks).toEqual(['on_demand']);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(state.locks).toEqual(['on_demand']);
  });

  it('counts every API call as activity except status polls, and refuses calls after the lock', async () => {
    const { state, autoLock, unlock } = harness({ idleMinutes: 5, lockOnSleep: true });
    unlock();
    const dispatch = withActivity(
      async (method) =>
        state.isUnlocked || method === 'vault.status'
          ? { ok: true as const, value: method }
          : { ok: false as const, error: { code: 'LOCKED' as const, message: 'locked' } },
      autoLock,
    );
    vi.advanceTimersByTime(4 * MINUTE);
    await dispatch('cases.list', {});
    vi.advanceTimersByTime(4 * MINUTE);
    expect(state.isUnlocked).toBe(true);
    // Status polls every minute do not keep the vault open.
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(MINUTE);
      await dispatch('vault.status', {});
    }
    expect(state.isUnlocked).toBe(false);
    expect(await dispatch('cases.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('auto-lock warning', () => {
  it('warns once a minute before an idle lock, and not again after activity restarts the clock', () => {
    const warnings: number[] = [];
    const state = { isUnlocked: true };
    const autoLock = new AutoLock({
      isUnlocked: () => state.isUnlocked,
      onLock: () => (state.isUnlocked = false),
      settings: { idleMinutes: 5, lockOnSleep: true },
      onWarning: (secondsLeft) => warnings.push(secondsLeft),
    });
    autoLock.activity();
    vi.advanceTimersByTime(4 * MINUTE - 1000);
    expect(warnings).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(warnings).toEqual([60]);
    autoLock.activity();
    vi.advanceTimersByTime(4 * MINUTE - 1000);
    expect(warnings).toEqual([60]);
    vi.advanceTimersByTime(MINUTE + 1000);
    expect(warnings).toEqual([60, 60]);
    expect(state.isUnlocked).toBe(false);
  });
});
