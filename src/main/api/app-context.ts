import type { BinderEngine } from '../pdf/binder-in-worker';
import type { ServiceContext } from '../services/context';
import type { Result } from '@shared/api/errors';
import type { EventBus } from './event-bus';
import type { SafeStorageLike } from '../vault/remembered-key';
import type { VaultManager } from '../vault/vault-manager';
import type { OpenChoice } from '@shared/api/file-choice';

export interface AppContext {
  vault: VaultManager;
  now: () => Date;
  /** Where "open the demo caseload" keeps its own vault. */
  demoPath: string;
  /** The OS keyring (Electron's safeStorage); absent in the browser bridge and the CLI. */
  deviceKeyStore?: SafeStorageLike;
  /** The system's save dialog (desktop app only): a chosen path, or null when cancelled. */
  chooseSavePath?: (suggestedName: string, mimeType: string) => Promise<string | null>;
  /**
   * The system's open dialog (desktop app; a stand-in chooser on the bridge): an existing file or
   * a folder, or null when cancelled. File locations come only from here, never from the renderer.
   */
  chooseOpenPath?: (choice: OpenChoice) => Promise<string | null>;
  /** Where the browser bridge streams uploads (src/shared/api/file-ref.ts); absent in the desktop app. */
  uploadsDir?: string;
  /** The dispatcher itself, for `files.exportTo` (set by createApi). */
  invoke?: (method: unknown, input: unknown) => Promise<Result<unknown>>;
  /** The event channel (src/shared/api/events.ts); absent where nobody listens (CLI). */
  events?: EventBus;
  /** For "Copy diagnostics": the app's version and the logs whose last lines it shows. */
  diagnostics?: { appVersion: string; logFiles: string[] };
  /** Where binders are built: the PDF worker in the service process. */
  binderEngine?: BinderEngine;
}

/** The service context for a call: the open database (or LOCKED) and the clock. */
export function services(ctx: AppContext): ServiceContext {
  const events = ctx.events;
  return {
    db: ctx.vault.db(),
    now: ctx.now,
    binderEngine: ctx.binderEngine,
    reportJob: events ? (progress) => events.emit('jobs.progress', progress) : undefined,
  };
}
