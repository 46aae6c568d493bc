/**
 * The renderer's only door to main: `window.api.invoke(method, input)` for the contract's methods.
 * No logic here; main validates everything it receives.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '@shared/api/contract';
import { API_CHANNEL } from '@shared/api/channel';

const allowed = new Set<string>(METHOD_NAMES);

contextBridge.exposeInMainWorld('api', {
  invoke: (method: string, input: unknown) => {
    if (!allowed.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method' } });
    }
    return ipcRenderer.invoke(API_CHANNEL, method, input);
  },
});
