/**
 * Electron entry: lifecycle, the window, the app:// protocol, the IPC wiring. Kept thin: all
 * behaviour lives in services that run (and are tested) under plain Node.
 */
import { app, BrowserWindow, dialog, net, protocol, safeStorage } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApi } from '../api/create-api';
import { registerApi } from '../ipc/register-api';
import { createVaultBackupScheduler } from '../services/backups/backup-scheduler';
import { autoLockFor } from '../vault/vault-auto-lock';
import { VaultManager } from '../vault/vault-manager';
import { hookAutoLockToSystem } from './auto-lock-electron';
import { APP_ORIGIN, createSecureWindow, hardenSession, lockDownContents, trustedOrigins } from './security';

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

const rendererRoot = join(__dirname, '../renderer');

function serveRenderer(): void {
  protocol.handle('app', (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(rendererRoot, pathname === '/' ? 'index.html' : decodeURIComponent(pathname)));
    if (!file.startsWith(rendererRoot + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

function createWindow(onGone: () => void): void {
  const window = createSecureWindow(join(__dirname, '../preload/index.cjs'));
  window.once('ready-to-show', () => window.show());
  // A closed window or a crashed renderer must not leave the vault open behind it.
  window.on('closed', onGone);
  window.webContents.on('render-process-gone', onGone);
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  void (app.isPackaged || !devUrl ? window.loadURL(`${APP_ORIGIN}/`) : window.loadURL(devUrl));
}

void app.whenReady().then(() => {
  hardenSession();
  serveRenderer();
  const dataDir = app.getPath('userData');
  const demoPath = join(dataDir, 'demo-caseload.advd');
  const vault = new VaultManager({
    path: join(dataDir, 'caseload.advd'),
    demoPath,
    migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'drizzle') : join(__dirname, '../../drizzle'),
  });
  const chooseSavePath = async (suggestedName: string): Promise<string | null> => {
    const owner = BrowserWindow.getFocusedWindow();
    const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
    const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  registerApi(createApi({ vault, now: () => new Date(), demoPath, deviceKeyStore: safeStorage, chooseSavePath }), trustedOrigins);
  const autoLock = autoLockFor(vault);
  const unhookAutoLock = autoLock ? hookAutoLockToSystem(autoLock) : () => {};
  // Failures are shown in the backups settings (last run); nothing about them is logged here.
  const backups = createVaultBackupScheduler(vault, { onError: () => {} });
  backups.start();
  app.on('before-quit', () => {
    unhookAutoLock();
    backups.stop();
    vault.lock();
  });
  const lock = () => vault.lock();
  createWindow(lock);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(lock);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
