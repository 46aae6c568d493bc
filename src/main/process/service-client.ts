import { fork } from 'node:child_process';
import type { AppEvent } from '@shared/api/events';
import type { Result } from '@shared/api/errors';
import { entryPoint, type EntryPoint } from '../lib/node-entry';
import type { SafeStorageLike } from '../vault/remembered-key';
import type { FromService, HostReply, HostRequest, OpenChoice, ServiceHostConfig, ToService } from './protocol';

/** A message pipe to the service process: child_process.fork under Node, a utility process in Electron. */
export interface ServiceChannel {
  send: (message: ToService) => void;
  onMessage: (listener: (message: FromService) => void) => void;
  onExit: (listener: (code: number | null) => void) => void;
  kill: () => void;
}

export interface ServiceClientOptions {
  /** The parent's answers to the service's requests (dialogs live with the windows). */
  chooseSavePath?: (suggestedName: string, mimeType: string) => Promise<string | null>;
  /** The open dialog (a file or a folder): a path, or null when cancelled. */
  chooseOpenPath?: (choice: OpenChoice) => Promise<string | null>;
  /** The OS keyring (Electron's safeStorage, in main only). */
  keyring?: SafeStorageLike;
  /** Method names and codes only, for the log. */
  onInternalError?: (method: string, code: string) => void;
  /** The service process ended without being asked to. */
  onUnexpectedExit?: (code: number | null) => void;
}

export interface ServiceClient {
  dispatch: (method: unknown, input: unknown) => Promise<Result<unknown>>;
  subscribe: (listener: (event: AppEvent) => void) => () => void;
  system: (what: 'suspend' | 'lock-screen' | 'idle', idleSeconds?: number) => void;
  /** A stored document's bytes for the preview (null while locked, or when there is no such document). */
  readDocument: (documentId: number) => Promise<{ fileName: string; mimeType: string; bytes: Uint8Array } | null>;
  /** Locks the vault and ends the process. */
  close: () => Promise<void>;
}

const STOPPED: Result<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The part of the app that keeps your data stopped. Close and reopen the app; your saved work is kept.' },
};

/** Speaks the protocol over a channel; resolves once the service process has opened its side. */
export function connectServiceHost(channel: ServiceChannel, config: ServiceHostConfig, options: ServiceClientOptions = {}): Promise<ServiceClient> {
  const calls = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: AppEvent) => void>();
  const reads = new Map<number, (file: { fileName: string; mimeType: string; bytes: Uint8Array } | null) => void>();
  let nextId = 1;
  let hasExited = false;
  let isClosing = false;
  let onClosed: (() => void) | null = null;

  async function perform(request: HostRequest): Promise<unknown> {
    switch (request.op) {
      case 'chooseSavePath':
        return options.chooseSavePath ? options.chooseSavePath(request.suggestedName, request.mimeType) : null;
      case 'chooseOpenPath':
        return options.chooseOpenPath ? options.chooseOpenPath(request.choice) : null;
      case 'keyring.encrypt':
        if (!options.keyring) throw new Error('No keyring');
        return (await options.keyring.encryptString(request.text)).toString('base64');
      case 'keyring.decrypt':
        if (!options.keyring) throw new Error('No keyring');
        return options.keyring.decryptString(Buffer.from(request.base64, 'base64'));
    }
  }

  async function answer(id: number, request: HostRequest): Promise<void> {
    let reply: HostReply;
    try {
      reply = { value: await perform(request) };
    } catch {
      // No detail: a keyring's error text is of no use to the service and may name the user.
      reply = { failed: 'The operating system refused the request.' };
    }
    if (!hasExited) channel.send({ type: 'reply', id, reply });
  }

  return new Promise((resolveReady, rejectReady) => {
    channel.onExit((code) => {
      hasExited = true;
      for (const finish of calls.values()) finish(STOPPED);
      calls.clear();
      for (const finish of reads.values()) finish(null);
      reads.clear();
      onClosed?.();
      if (!isClosing) {
        rejectReady(new Error(`The service process ended during start-up (exit ${code}).`));
        options.onUnexpectedExit?.(code);
      }
    });
    channel.onMessage((message) => {
      switch (message.type) {
        case 'ready':
          return resolveReady(client);
        case 'result': {
          const finish = calls.get(message.id);
          calls.delete(message.id);
          return finish?.(message.result);
        }
        case 'document': {
          const finish = reads.get(message.id);
          reads.delete(message.id);
          return finish?.(message.file);
        }
        case 'event':
          for (const listener of listeners) listener(message.event);
          return;
        case 'request':
          return void answer(message.id, message.request);
        case 'internal-error':
          return options.onInternalError?.(message.method, message.code);
        case 'closed':
          return;
      }
    });

    const client: ServiceClient = {
      dispatch: (method, input) => {
        if (hasExited) return Promise.resolve(STOPPED);
        const id = nextId++;
        return new Promise((resolve) => {
          calls.set(id, resolve);
          channel.send({ type: 'call', id, method, input });
        });
      },
      readDocument: (documentId) => {
        if (hasExited) return Promise.resolve(null);
        const id = nextId++;
        return new Promise((resolve) => {
          reads.set(id, resolve);
          channel.send({ type: 'read-document', id, documentId });
        });
      },
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      system: (what, idleSeconds) => {
        if (!hasExited) channel.send({ type: 'system', what, ...(idleSeconds === undefined ? {} : { idleSeconds }) });
      },
      close: () =>
        new Promise<void>((resolveClosed) => {
          if (hasExited) return resolveClosed();
          isClosing = true;
          onClosed = resolveClosed;
          channel.send({ type: 'shutdown' });
          // A process that does not finish locking in time is ended; its database is WAL-safe.
          setTimeout(() => channel.kill(), 5_000).unref();
        }),
    };
    channel.send({ type: 'init', config });
  });
}

/** The service process's entry under plain Node (TypeScript through tsx), resolved only when used. */
export function serviceSourceEntry(): EntryPoint {
  return entryPoint(new URL('./service-entry.ts', import.meta.url));
}

/** Starts the service process under plain Node (tests, the bridge), exactly as the app's utility process runs it. */
export function forkServiceHost(
  config: ServiceHostConfig,
  options: ServiceClientOptions = {},
  entry: EntryPoint = serviceSourceEntry(),
): Promise<ServiceClient> {
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...entry.env },
    // Its output is ours to read and drop: nothing it prints may carry case data to a terminal log.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const channel: ServiceChannel = {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromService)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
  return connectServiceHost(channel, config, options);
}
