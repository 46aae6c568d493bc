/**
 * When the vault locks by itself. A small state machine with an injectable clock and timers, so
 * the rules are tested with fake timers and the Electron glue (src/main/app/auto-lock-electron.ts)
 * only forwards events.
 *
 * States: disarmed (the vault is locked, nothing to do) and armed (unlocked, an idle deadline is
 * pending unless the setting is 'never'). Every call through the API counts as activity
 * (see with-activity.ts); the renderer also pings on user input so reading a long page does not lock.
 */

import { DEFAULT_AUTO_LOCK, type AutoLockSettings } from '@shared/domain/protection';

export { DEFAULT_AUTO_LOCK, IDLE_MINUTE_CHOICES, type AutoLockSettings } from '@shared/domain/protection';

export type LockReason = 'idle' | 'system_idle' | 'suspend' | 'screen_locked' | 'on_demand';

export interface AutoLockClock {
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

export interface AutoLockOptions {
  /** Locks the vault (closes the database, zeroes the key): in the app, `() => vault.lock()`. */
  onLock: (reason: LockReason) => void;
  isUnlocked: () => boolean;
  /** Read when the vault becomes unlocked (the settings live inside the vault). */
  loadSettings?: () => AutoLockSettings;
  settings?: AutoLockSettings;
  clock?: AutoLockClock;
  /** Told this long before an idle lock (seconds left), so the window can warn; at most once per idle stretch. */
  onWarning?: (secondsLeft: number) => void;
  warnBeforeMs?: number;
}

const DEFAULT_WARN_BEFORE_MS = 60_000;

const realClock: AutoLockClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending auto-lock must never keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutoLock {
  private settingsValue: AutoLockSettings;
  private readonly options: AutoLockOptions;
  private readonly clock: AutoLockClock;
  private isArmed = false;
  private lastActivityAt = 0;
  private timer: unknown = null;
  private warningTimer: unknown = null;
  private lastReason: LockReason | null = null;

  constructor(options: AutoLockOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.settingsValue = options.settings ?? DEFAULT_AUTO_LOCK;
  }

  get settings(): AutoLockSettings {
    return this.settingsValue;
  }

  get armed(): boolean {
    return this.isArmed;
  }

  /** Why the vault last locked by itself (null after an unlock), so the unlock screen can say so. */
  get lastLockReason(): LockReason | null {
    return this.lastReason;
  }

  configure(settings: AutoLockSettings): void {
    this.settingsValue = settings;
    if (this.isArmed) this.schedule();
  }

  /**
   * Something happened on behalf of the user. Also catches up with a deadline that passed while
   * timers were not running (a laptop that slept without a suspend event): that call is then
   * refused with LOCKED, like any other after the lock.
   */
  activity(): 'locked' | 'unlocked' {
    if (!this.options.isUnlocked()) {
      this.disarm();
      return 'locked';
    }
    if (!this.isArmed) {
      this.arm();
      return 'unlocked';
    }
    const idleMs = this.idleMs();
    if (idleMs !== null && this.clock.now() - this.lastActivityAt >= idleMs) {
      this.lock('idle');
      return 'locked';
    }
    this.lastActivityAt = this.clock.now();
    this.schedule();
    return 'unlocked';
  }

  /** The operating system reports no keyboard or mouse input for this long (Electron polls it). */
  systemIdleFor(seconds: number): void {
    const idleMs = this.idleMs();
    if (this.isArmed && idleMs !== null && seconds * 1000 >= idleMs) this.lock('system_idle');
  }

  systemSuspended(): void {
    if (this.isArmed && this.settingsValue.lockOnSleep) this.lock('suspend');
  }

  screenLocked(): void {
    if (this.isArmed && this.settingsValue.lockOnSleep) this.lock('screen_locked');
  }

  lockNow(): void {
    this.lock('on_demand');
  }

  /** Stops the timer without locking (the app is quitting). */
  dispose(): void {
    this.clearTimer();
    this.isArmed = false;
  }

  private idleMs(): number | null {
    return this.settingsValue.idleMinutes === null ? null : this.settingsValue.idleMinutes * 60_000;
  }

  private arm(): void {
    if (this.options.loadSettings) {
      try {
        this.settingsValue = this.options.loadSettings();
      } catch {
        // Unreadable settings fall back to the safe default, never to 'never'.
        this.settingsValue = DEFAULT_AUTO_LOCK;
      }
    }
    this.isArmed = true;
    this.lastReason = null;
    this.lastActivityAt = this.clock.now();
    this.schedule();
  }

  private disarm(): void {
    this.clearTimer();
    this.isArmed = false;
  }

  private schedule(): void {
    this.clearTimer();
    const idleMs = this.idleMs();
    if (idleMs === null) return;
    const remaining = Math.max(0, this.lastActivityAt + idleMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      if (this.isArmed) this.lock('idle');
    }, remaining);
    const onWarning = this.options.onWarning;
    const warnBefore = this.options.warnBeforeMs ?? DEFAULT_WARN_BEFORE_MS;
    if (onWarning && remaining > warnBefore) {
      this.warningTimer = this.clock.setTimeout(() => {
        this.warningTimer = null;
        if (this.isArmed) onWarning(Math.round(warnBefore / 1000));
      }, remaining - warnBefore);
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    if (this.warningTimer !== null) this.clock.clearTimeout(this.warningTimer);
    this.timer = null;
    this.warningTimer = null;
  }

  private lock(reason: LockReason): void {
    this.disarm();
    if (!this.options.isUnlocked()) return;
    this.lastReason = reason;
    this.options.onLock(reason);
  }
}
