import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { VaultManager } from '../vault/vault-manager';

/** The method name `data.changed` carries for a commit by another connection (the CLI, a second app): not a contract method, so screens refresh everything. */
export const EXTERNAL_CHANGE = 'external';

const SETTLE_MS = 150;

/**
 * Notices commits made to the open vault by another connection — `npm run cli` against the same
 * file, another copy of the app — which this process's own change count cannot see. The vault's
 * folder is watched (an event, not a poll); when its file or WAL moves, SQLite's
 * `PRAGMA data_version` says whether another connection committed since the last look (it does
 * not change for this connection's own writes), and only then `onExternalChange` runs.
 */
export function watchExternalChanges(vault: VaultManager, onExternalChange: () => void): { sync: () => void; dispose: () => void } {
  let watcher: FSWatcher | null = null;
  let watchedPath: string | null = null;
  let lastVersion: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function dataVersion(): number | null {
    if (!vault.isUnlocked()) return null;
    try {
      return vault.db().sqlite.pragma('data_version', { simple: true }) as number;
    } catch {
      return null;
    }
  }

  function check(): void {
    timer = null;
    const version = dataVersion();
    if (version === null) return;
    if (lastVersion !== null && version !== lastVersion) onExternalChange();
    lastVersion = version;
  }

  function stop(): void {
    watcher?.close();
    watcher = null;
    watchedPath = null;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  /** Starts, moves or stops the watch to follow the vault's state; called after every call. */
  function sync(): void {
    if (!vault.isUnlocked()) {
      stop();
      lastVersion = null;
      return;
    }
    const path = vault.vaultPath;
    if (path !== watchedPath) {
      stop();
      const name = basename(path);
      try {
        watcher = watch(dirname(path), { persistent: false }, (_type, changed) => {
          if (changed !== null && !String(changed).startsWith(name)) return;
          if (timer) clearTimeout(timer);
          timer = setTimeout(check, SETTLE_MS);
        });
        watcher.on('error', () => stop());
        watchedPath = path;
      } catch {
        // No watch (a folder that cannot be watched): screens still refresh after this window's own changes.
        watcher = null;
      }
    }
    // This process's own writes do not move data_version; reading it here keeps the baseline current.
    lastVersion = dataVersion();
  }

  return { sync, dispose: stop };
}
