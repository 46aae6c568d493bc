/**
 * Electron entry. Main owns only the windows, the dialogs, the keyring and the routing: the vault
 * and every service run in the service process (./service-process.ts), reached through the same
 * dispatcher protocol the tests and the bridge use, so a long job never freezes a window.
 */
import { app, BrowserWindow, dialog, net, powerMonitor, protocol, safeStorage } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVENT_CHANNEL } from '@shared/api/channel';
import { documentHeaders } from '../lib/document-headers';
import { registerApi } from '../ipc/register-api';
import { createLogger } from '../lib/log';
import type { ServiceClient } from '../process/service-client';
import type { OpenChoice } from '../process/protocol';
import { APP_ORIGIN, createSecureWindow, hardenSession, lockDownContents, trustedOrigins } from './security';
import { startServiceProcess } from './service-process';

// codeCache: Chromium keeps V8's compiled code for the app's own scripts (only http(s) get it by
// default), so a launch after the first takes the renderer's compiled code from that cache instead
// of compiling it again for the unlock screen and the dashboard (the bench's cold rows, a new
// renderer with nothing compiled, show that cost); the window writes it on the first launch
// (v8CacheOptions in security.ts). It holds compiled JavaScript of the bundle, never case data
// (the CSP runs no other script); it needs `standard`.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

// One instance per user: a second launch focuses the first window and quits (two processes must
// never open the same vault).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  start();
}

function start(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(ready);
}

const rendererRoot = join(__dirname, '../renderer');
const IDLE_CHECK_MS = 30_000;

function serveRenderer(service: ServiceClient): void {
  protocol.handle('app', async (request) => {
    const { pathname } = new URL(request.url);
    // A stored document for the preview frame, straight from the vault in the service process.
    const documentRoute = /^\/documents\/(\d{1,12})\/content$/.exec(pathname);
    if (documentRoute) {
      const file = await service.readDocument(Number(documentRoute[1]));
      if (!file) return new Response('Not available', { status: 404 });
      return new Response(new Blob([file.bytes] as unknown as ConstructorParameters<typeof Blob>[0], { type: file.mimeType }), {
        headers: documentHeaders(file.mimeType, file.bytes.byteLength),
      });
    }
    const file = normalize(join(rendererRoot, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

function createWindow(service: ServiceClient): void {
  const window = createSecureWindow(join(__dirname, '../preload/index.cjs'));
  window.once('ready-to-show', () => window.show());
  // A closed window or a crashed renderer must not leave the vault open behind it.
  const lock = () => void service.dispatch('vault.lock', {});
  window.on('closed', lock);
  window.webContents.on('render-process-gone', lock);
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  void (app.isPackaged || !devUrl ? window.loadURL(`${APP_ORIGIN}/`) : window.loadURL(devUrl));
}

async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

async function chooseOpenPath(choice: OpenChoice): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const options: Electron.OpenDialogOptions = {
    title: choice.title,
    properties: choice.kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
    ...(choice.extensions ? { filters: [{ name: choice.title, extensions: choice.extensions }] } : {}),
  };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function ready(): Promise<void> {
  hardenSession();
  const dataDir = app.getPath('userData');
  const logFolder = join(dataDir, 'logs');
  const log = createLogger(logFolder, 'main');
  log.write('info', { event: 'app.start', code: app.getVersion() });
  const keyringBackend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  const service = await startServiceProcess(
    __dirname,
    {
      vaultPath: join(dataDir, 'caseload.advd'),
      demoPath: join(dataDir, 'demo-caseload.advd'),
      migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'drizzle') : join(__dirname, '../../drizzle'),
      hasSaveChooser: true,
      runsBackups: true,
      keyring: { isEncryptionAvailable: safeStorage.isEncryptionAvailable(), backend: keyringBackend },
      logFolder,
      appVersion: app.getVersion(),
    },
    {
      chooseSavePath,
      chooseOpenPath,
      keyring: safeStorage,
      onInternalError: (method, code) => log.write('error', { event: 'service.error', method, code }),
      onUnexpectedExit: (code) => {
        log.write('error', { event: 'service.exit', code: code ?? 'signal' });
        dialog.showErrorBox(
          'Advocate Desk must close',
          'The part of the app that keeps your data stopped unexpectedly. Your saved work is kept; please open the app again.',
        );
        app.exit(1);
      },
    },
  );
  serveRenderer(service);
  registerApi(service.dispatch, trustedOrigins);
  // Events go to every window of the app (there is one), on the one event channel.
  service.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(EVENT_CHANNEL, event);
  });

  // The operating system's sleep, screen lock and idle time reach the auto-lock in the service process.
  const onSuspend = () => service.system('suspend');
  const onLockScreen = () => service.system('lock-screen');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onLockScreen);
  const idleCheck = setInterval(() => service.system('idle', powerMonitor.getSystemIdleTime()), IDLE_CHECK_MS);

  let isQuitting = false;
  app.on('before-quit', (event) => {
    if (isQuitting) return;
    event.preventDefault();
    isQuitting = true;
    clearInterval(idleCheck);
    powerMonitor.off('suspend', onSuspend);
    powerMonitor.off('lock-screen', onLockScreen);
    log.write('info', { event: 'app.quit' });
    void service.close().finally(() => app.quit());
  });
  createWindow(service);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(service);
  });
}
