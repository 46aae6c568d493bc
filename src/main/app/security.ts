/**
 * Window and session hardening, in one reviewed module: sandboxed renderer with context
 * isolation and no Node, a strict CSP on every response, no navigation away from the app, no new
 * windows, every permission request denied.
 */
import { app, BrowserWindow, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export const APP_ORIGIN = 'app://renderer';

/**
 * The app window. The webPreferences are written out here, literally, so that reviewers and the
 * electronegativity scanner see every setting where the window is made.
 */
export function createSecureWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Advocate Desk',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      // Chromium's built-in PDF viewer, for previewing documents from blob: URLs. No other plugins exist.
      plugins: true,
      spellcheck: true,
      // The app:// scheme's V8 code cache (index.ts) is written on the first launch rather than
      // after Chromium's usual "seen twice" heat check, so the second launch starts compiled.
      v8CacheOptions: 'bypassHeatCheck',
    },
  });
}

export function hardenSession(): void {
  const appSession = session.defaultSession;
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  appSession.setDevicePermissionHandler(() => false);
  appSession.webRequest.onHeadersReceived((details, callback) => {
    // A stored document for the preview frame carries its own stricter policy (documentHeaders).
    if (details.url.startsWith(`${APP_ORIGIN}/documents/`)) return callback({ responseHeaders: details.responseHeaders });
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // Nothing in the app talks to the network; refuse anything that is not our own protocol.
  appSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://') || isDevServer(details.url);
    callback({ cancel: !allowed });
  });
}

function isDevServer(url: string): boolean {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && devUrl !== undefined && url.startsWith(devUrl);
}

export function trustedOrigins(): string[] {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN];
}

/** Applied to every WebContents the app creates. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!trustedOrigins().some((origin) => url.startsWith(origin))) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world (a district website in a contact record) open in the system browser.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
