/**
 * The service process: the vault, every service and the dispatcher, behind one message port.
 * Electron main starts it as a utility process and routes IPC to it; tests and the bridge start
 * the very same entry under plain Node (child_process.fork). Binders are assembled in a PDF
 * worker thread beside it, so a long build never holds up another call.
 */
import { join } from 'node:path';
import { workerBinderEngine } from '../pdf/binder-in-worker';
import { createLogger } from '../lib/log';
import { createApi } from '../api/create-api';
import { EventBus } from '../api/event-bus';
import { createVaultBackupScheduler } from '../services/backups/backup-scheduler';
import { autoLockFor } from '../vault/vault-auto-lock';
import { VaultManager } from '../vault/vault-manager';
import { workerIntegrityChecker } from '../vault/integrity-check';
import { readDocumentFile } from '../services/files/document-file';
import type { SafeStorageLike } from '../vault/remembered-key';
import type { FromService, HostReply, HostRequest, OpenChoice, ServiceHostConfig, ToService } from './protocol';

export interface HostPort {
  send: (message: FromService) => void;
  onMessage: (listener: (message: ToService) => void) => void;
  exit: () => void;
}

export function runServiceHost(port: HostPort): void {
  let dispatch: ((method: unknown, input: unknown) => Promise<unknown>) | null = null;
  let shutdown = () => {};
  let openVault: VaultManager | null = null;
  const pending = new Map<number, (reply: HostReply) => void>();
  let nextRequestId = 1;

  function ask(request: HostRequest): Promise<unknown> {
    const id = nextRequestId++;
    return new Promise((resolve, reject) => {
      pending.set(id, (reply) => ('failed' in reply ? reject(new Error(reply.failed)) : resolve(reply.value)));
      port.send({ type: 'request', id, request });
    });
  }

  /** The keyring lives in main (Electron's safeStorage); its answers come back over the port. */
  function keyringVia(state: NonNullable<ServiceHostConfig['keyring']>): SafeStorageLike {
    return {
      isEncryptionAvailable: () => state.isEncryptionAvailable,
      ...(state.backend === null ? {} : { getSelectedStorageBackend: () => state.backend! }),
      encryptString: async (text) => Buffer.from((await ask({ op: 'keyring.encrypt', text })) as string, 'base64'),
      decryptString: async (encrypted) => (await ask({ op: 'keyring.decrypt', base64: encrypted.toString('base64') })) as string,
    };
  }

  function init(config: ServiceHostConfig): void {
    const vault = new VaultManager({
      path: config.vaultPath,
      demoPath: config.demoPath,
      migrationsFolder: config.migrationsFolder,
      integrityChecker: workerIntegrityChecker(config.integrityWorker),
      ...(config.kdfIterations ? { kdfIterations: config.kdfIterations } : {}),
    });
    openVault = vault;
    const log = config.logFolder ? createLogger(config.logFolder, 'service') : null;
    log?.write('info', { event: 'service.start' });
    const events = new EventBus();
    events.subscribe((event) => port.send({ type: 'event', event }));
    dispatch = createApi(
      {
        vault,
        now: () => new Date(),
        demoPath: config.demoPath,
        events,
        binderEngine: workerBinderEngine(config.pdfWorker),
        ...(config.keyring ? { deviceKeyStore: keyringVia(config.keyring) } : {}),
        ...(config.uploadsDir ? { uploadsDir: config.uploadsDir } : {}),
        ...(config.logFolder
          ? {
              diagnostics: {
                appVersion: config.appVersion ?? 'unknown',
                logFiles: [join(config.logFolder, 'main.log'), join(config.logFolder, 'service.log')],
              },
            }
          : {}),
        ...(config.hasSaveChooser
          ? {
              chooseSavePath: async (suggestedName: string, mimeType: string) =>
                (await ask({ op: 'chooseSavePath', suggestedName, mimeType })) as string | null,
              chooseOpenPath: async (choice: OpenChoice) => (await ask({ op: 'chooseOpenPath', choice })) as string | null,
            }
          : {}),
      },
      // Method names and error codes only: inputs and messages may hold case data.
      {
        onInternalError: (method, error) => {
          const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : 'INTERNAL';
          log?.write('error', { event: 'api.internal_error', method, code });
          port.send({ type: 'internal-error', method, code });
        },
      },
    );
    const backups = config.runsBackups
      ? createVaultBackupScheduler(vault, {
          onError: () => {
            log?.write('error', { event: 'backup.failed' });
            port.send({ type: 'internal-error', method: 'backups.scheduled', code: 'BACKUP_FAILED' });
          },
        })
      : null;
    backups?.start();
    shutdown = () => {
      backups?.stop();
      autoLockFor(vault)?.dispose();
      vault.lock();
    };
    port.send({ type: 'ready' });
  }

  port.onMessage((message) => {
    switch (message.type) {
      case 'init':
        init(message.config);
        return;
      case 'call': {
        const run = dispatch;
        if (!run) {
          port.send({ type: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'The app is still starting. Try again.' } } });
          return;
        }
        void run(message.method, message.input).then((result) => port.send({ type: 'result', id: message.id, result: result as never }));
        return;
      }
      case 'reply': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.reply);
        return;
      }
      case 'read-document': {
        // Locked, missing or unreadable: no file (the window shows "not available"), never an error text.
        let file: ReturnType<typeof readDocumentFile> | null = null;
        try {
          if (openVault?.isUnlocked()) file = readDocumentFile({ db: openVault.db(), now: () => new Date() }, message.documentId);
        } catch {
          file = null;
        }
        port.send({ type: 'document', id: message.id, file });
        return;
      }
      case 'system':
        // Sleep, screen lock and system idle come from Electron's powerMonitor in main.
        return void systemEvent(message);
      case 'shutdown':
        shutdown();
        port.send({ type: 'closed' });
        port.exit();
        return;
    }
  });

  function systemEvent(message: Extract<ToService, { type: 'system' }>): void {
    const autoLock = openVault ? autoLockFor(openVault) : undefined;
    if (!autoLock) return;
    if (message.what === 'suspend') autoLock.systemSuspended();
    else if (message.what === 'lock-screen') autoLock.screenLocked();
    else autoLock.systemIdleFor(message.idleSeconds ?? 0);
  }
}
