import type { ApiError, Result } from '@shared/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { isEventName, type AppEvent, type EventName, type EventPayload } from '@shared/api/events';
import type { FileRef } from '@shared/api/file-ref';

/** What the preload exposes in Electron; the browser bridge provides the same over fetch and server-sent events. */
interface ApiBridge {
  invoke: (method: string, input: unknown) => Promise<Result<unknown>>;
  /** Main's pushed events (src/shared/api/events.ts); returns the unsubscribe. */
  onEvent: (listener: (event: unknown) => void) => () => void;
  /** A picked or dropped file's path on disk (Electron's webUtils.getPathForFile). */
  pathForFile: (file: File) => string;
}

declare global {
  interface Window {
    api?: ApiBridge;
  }
}

/** A failed call, carrying the typed error from main (code, message, field errors). */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly fields: Record<string, string>;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

async function invokeOverHttp(method: string, input: unknown): Promise<Result<unknown>> {
  const response = await fetch('/api', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ method, input }),
  });
  if (!response.ok) {
    return { ok: false, error: { code: 'FORBIDDEN', message: `The app's local connection refused the request (${response.status}).` } };
  }
  return (await response.json()) as Result<unknown>;
}

const invoke = (method: string, input: unknown): Promise<Result<unknown>> => (window.api ? window.api.invoke(method, input) : invokeOverHttp(method, input));

type Listener = (error: ApiCallError) => void;
const lockListeners = new Set<Listener>();

/** Lets the app return to the unlock screen whenever main reports the vault locked. */
export function onLocked(listener: Listener): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/** The one typed client: `await call('cases.list', { sort: 'family' })`. Throws ApiCallError. */
export async function call<M extends MethodName>(
  method: M,
  ...args: undefined extends MethodInput<M> ? [input?: MethodInput<M>] : [input: MethodInput<M>]
): Promise<MethodOutput<M>> {
  const result = await invoke(method, args[0] ?? {});
  if (!result.ok) {
    const error = new ApiCallError(result.error);
    if (error.code === 'LOCKED') for (const listener of lockListeners) listener(error);
    throw error;
  }
  return result.value as MethodOutput<M>;
}

/**
 * Locks the vault as the page goes away (reload or close). Over the bridge a keepalive request
 * is the one kind the browser still delivers during unload; in Electron the IPC message is
 * queued synchronously. Nothing is awaited: the page is already leaving.
 */
export function lockOnExit(): void {
  if (window.api) {
    void window.api.invoke('vault.lock', {});
    return;
  }
  void fetch('/api', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    keepalive: true,
    body: JSON.stringify({ method: 'vault.lock', input: {} }),
  }).catch(() => undefined);
}

type AnyEventListener = (event: AppEvent) => void;
const eventListeners = new Set<AnyEventListener>();
let stopSource: (() => void) | null = null;

function deliver(raw: unknown): void {
  if (!raw || typeof raw !== 'object' || !isEventName((raw as { name?: unknown }).name)) return;
  for (const listener of eventListeners) listener(raw as AppEvent);
}

/** One connection to main's event channel, opened with the first listener, closed with the last. */
function connectEvents(): () => void {
  if (window.api) return window.api.onEvent(deliver);
  const source = new EventSource('/events');
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      deliver(JSON.parse(message.data));
    } catch {
      // A malformed line is dropped; the next event is read normally.
    }
  };
  return () => source.close();
}

/** Listens to one kind of event pushed by main: `onEvent('jobs.progress', (progress) => ...)`. Returns the unsubscribe. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const wrapped: AnyEventListener = (event) => {
    if (event.name === name) listener(event.payload as EventPayload<E>);
  };
  eventListeners.add(wrapped);
  stopSource ??= connectEvents();
  return () => {
    eventListeners.delete(wrapped);
    if (eventListeners.size === 0 && stopSource) {
      stopSource();
      stopSource = null;
    }
  };
}

/**
 * A file the advocate picked or dropped, as the import methods take it: its path in the desktop
 * app; in the browser bridge the file is streamed to the bridge first (POST /uploads) and passed
 * by upload id. Either way its bytes never travel inside an API call.
 */
export async function fileReference(file: File): Promise<FileRef> {
  const path = window.api?.pathForFile(file);
  if (path) return { path };
  const response = await fetch('/uploads', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  if (response.status === 413) throw new ApiCallError({ code: 'FILE_TOO_LARGE', message: 'This file is too large to import.' });
  if (!response.ok) throw new ApiCallError({ code: 'FORBIDDEN', message: `The app's local connection refused the file (${response.status}).` });
  return (await response.json()) as FileRef;
}
