/**
 * Which frames may call the API. Electron gives us the sender frame's URL; only the app's own
 * top-level page qualifies: not an iframe, not a page the window was navigated to.
 */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

export function isTrustedSender(sender: SenderInfo, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame) return false;
  let origin: string;
  try {
    const url = new URL(sender.url);
    // URL.origin is 'null' for custom schemes such as app://, so build it from its parts.
    origin = `${url.protocol}//${url.host}`;
  } catch {
    return false;
  }
  return trustedOrigins.includes(origin);
}
