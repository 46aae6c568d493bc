import type { AppEvent } from '@shared/api/events';
import type { Result } from '@shared/api/errors';
import type { OpenChoice } from '@shared/api/file-choice';

export type { OpenChoice };

/**
 * Messages between the process that owns windows (Electron main, or the bridge/tests under Node)
 * and the service process that owns the vault. Plain structured-clone data only.
 */
export interface ServiceHostConfig {
  vaultPath: string;
  demoPath: string;
  migrationsFolder: string;
  /** Where the browser bridge streams uploads; absent in the desktop app (imports come by path). */
  uploadsDir?: string;
  /** Tests lower the key derivation's cost to stay fast; the app keeps the default. */
  kdfIterations?: number;
  /** The PDF worker's built file in the packaged app; the TypeScript source under Node when absent. */
  pdfWorker?: { file: string; execArgv: string[]; env: Record<string, string> };
  /** The background integrity check's worker (built file in the packaged app; the source under Node when absent). */
  integrityWorker?: { file: string; execArgv: string[]; env: Record<string, string> };
  /** Whether the parent answers `chooseSavePath` and `chooseOpenPath` (it owns the dialogs, or a stand-in chooser). */
  hasSaveChooser: boolean;
  /** The OS keyring as main sees it (Electron's safeStorage); absent outside the desktop app. */
  keyring?: { isEncryptionAvailable: boolean; backend: string | null };
  /** Where the service process writes its structured log (the desktop app's user-data logs folder). */
  logFolder?: string;
  appVersion?: string;
  /** Run the backup scheduler (the desktop app does; tests and the bridge do not). */
  runsBackups: boolean;
}

/** Things only the parent can do, asked for by the service process. */
export type HostRequest =
  | { op: 'chooseSavePath'; suggestedName: string; mimeType: string }
  | { op: 'chooseOpenPath'; choice: OpenChoice }
  | { op: 'keyring.encrypt'; text: string }
  | { op: 'keyring.decrypt'; base64: string };

/** A request's answer; `failed` when main could not do it (the keyring refused). */
export type HostReply = { value: unknown } | { failed: string };

export type ToService =
  | { type: 'init'; config: ServiceHostConfig }
  | { type: 'call'; id: number; method: unknown; input: unknown }
  | { type: 'reply'; id: number; reply: HostReply }
  | { type: 'read-document'; id: number; documentId: number }
  | { type: 'system'; what: 'suspend' | 'lock-screen' | 'idle'; idleSeconds?: number }
  | { type: 'shutdown' };

export type FromService =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: AppEvent }
  | { type: 'request'; id: number; request: HostRequest }
  | { type: 'document'; id: number; file: { fileName: string; mimeType: string; bytes: Uint8Array } | null }
  | { type: 'internal-error'; method: string; code: string }
  | { type: 'closed' };
