/**
 * The renderer's only door to main: `window.api.invoke(method, input)` for the contract's methods
 * and `window.api.onEvent(listener)` for its events. No logic here; main validates everything it
 * receives. The name lists are written in at build time (electron.vite.config.ts), so this bundle
 * stays a few kilobytes instead of carrying the whole contract and zod.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { API_CHANNEL, EVENT_CHANNEL } from '@shared/api/channel';

declare const __METHOD_NAMES__: readonly string[];
declare const __EVENT_NAMES__: readonly string[];

const methods = new Set<string>(__METHOD_NAMES__);
const events = new Set<string>(__EVENT_NAMES__);

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown) => {
    if (!methods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method' } });
    }
    return ipcRenderer.invoke(API_CHANNEL, method, input);
  },
  /** Where a picked or dropped file is on disk: imports pass the path, never the file's bytes. */
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  onEvent: (listener: (event: unknown) => void) => {
    const forward = (_event: IpcRendererEvent, message: { name?: unknown }) => {
      if (typeof message?.name === 'string' && events.has(message.name)) listener(message);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.off(EVENT_CHANNEL, forward);
  },
});
