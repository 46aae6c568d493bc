import { ipcMain } from 'electron';
import { API_CHANNEL } from '@shared/api/channel';
import type { Result } from '@shared/api/errors';
import { isTrustedSender } from '../api/sender';

/** Registers the one API channel; calls from any frame but the app's own page are refused. */
export function registerApi(dispatch: (method: unknown, input: unknown) => Promise<Result<unknown>>, trustedOrigins: () => string[]): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const sender = { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame };
    if (!isTrustedSender(sender, trustedOrigins())) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from the app window.' } };
    }
    return dispatch(method, input);
  });
}
