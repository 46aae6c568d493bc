import { backupSettings, DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '@shared/domain/protection';
import { readJsonSetting } from '../session/stored-settings';
import type { VaultManager } from '../../vault/vault-manager';
import { createBackup, listBackups } from './backup-service';

export const BACKUP_SETTINGS_KEY = 'backups.settings';
const HOUR = 60 * 60_000;

export interface SchedulerClock {
  now: () => number;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
}

export interface BackupSchedulerOptions {
  isUnlocked: () => boolean;
  settings: () => BackupSettings;
  /** When the newest backup in the folder was taken, or null when there is none. */
  newestBackupAt: (settings: BackupSettings) => Date | null;
  runBackup: (settings: BackupSettings, now: Date) => void;
  /** A failed scheduled backup (disk full, folder gone). Gets no case data. */
  onError?: (error: unknown) => void;
  clock?: SchedulerClock;
  /** How often to look whether a backup is due. */
  checkEveryMs?: number;
  /** After a failure, wait this long before trying again rather than at every check. */
  retryAfterMs?: number;
}

export type TickOutcome = 'locked' | 'disabled' | 'not_due' | 'ran' | 'failed' | 'waiting_after_failure';

const realClock: SchedulerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => {
    const handle = setInterval(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * Runs a backup when the newest one in the folder is older than the chosen interval. The folder
 * itself is the record of when the last backup ran, so deleting backups by hand makes the next one
 * due, and nothing extra is written into the vault. It only works while the vault is unlocked
 * (the copy needs the open database).
 */
export class BackupScheduler {
  private readonly options: BackupSchedulerOptions;
  private readonly clock: SchedulerClock;
  private handle: unknown = null;
  private lastFailureAt: number | null = null;

  constructor(options: BackupSchedulerOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
  }

  start(): void {
    if (this.handle !== null) return;
    this.handle = this.clock.setInterval(() => this.tick(), this.options.checkEveryMs ?? 10 * 60_000);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  tick(): TickOutcome {
    if (!this.options.isUnlocked()) return 'locked';
    const settings = this.options.settings();
    if (settings.folder === null || settings.intervalHours === null) return 'disabled';
    const now = this.clock.now();
    if (this.lastFailureAt !== null && now - this.lastFailureAt < (this.options.retryAfterMs ?? HOUR)) return 'waiting_after_failure';
    const newest = this.options.newestBackupAt(settings);
    if (newest !== null && now - newest.getTime() < settings.intervalHours * HOUR) return 'not_due';
    try {
      this.options.runBackup(settings, new Date(now));
      this.lastFailureAt = null;
      return 'ran';
    } catch (error) {
      this.lastFailureAt = now;
      this.options.onError?.(error);
      return 'failed';
    }
  }
}

export function readBackupSettings(vault: VaultManager): BackupSettings {
  return readJsonSetting(vault.db(), BACKUP_SETTINGS_KEY, backupSettings, DEFAULT_BACKUP_SETTINGS);
}

/** The scheduler for the app's vault: reads the settings from the vault at each check. */
export function createVaultBackupScheduler(vault: VaultManager, options: { clock?: SchedulerClock; onError?: (error: unknown) => void } = {}): BackupScheduler {
  return new BackupScheduler({
    isUnlocked: () => vault.isUnlocked(),
    settings: () => readBackupSettings(vault),
    newestBackupAt: (settings) => {
      const newest = settings.folder ? listBackups(vault, settings.folder)[0] : undefined;
      return newest ? new Date(newest.createdAt) : null;
    },
    runBackup: (settings, now) => {
      createBackup(vault, { folder: settings.folder!, keep: settings.keep, now });
    },
    ...options,
  });
}
