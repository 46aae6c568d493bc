/**
 * `npm run dev:browser` runs this under plain Node: the service process (the same entry the
 * desktop app starts as a utility process) behind the loopback bridge, with the built renderer.
 * Never part of the packaged app.
 */
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_UPLOAD_BYTES } from '@shared/api/file-limits';
import { forkServiceHost } from '../process/service-client';
import { startBridge } from './bridge-server';
import { folderChooser, standInOpenChooser } from './stand-in-chooser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '.dev-data') },
    port: { type: 'string', default: '0' },
    static: { type: 'string', default: join(root, 'out/renderer') },
  },
});

const dataDir = resolve(values.data!);
const exportsDir = join(dataDir, 'exports');
const uploadsDir = join(dataDir, 'uploads');
const service = await forkServiceHost(
  {
    vaultPath: join(dataDir, 'caseload.advd'),
    demoPath: join(dataDir, 'demo-caseload.advd'),
    migrationsFolder: join(root, 'drizzle'),
    hasSaveChooser: true,
    runsBackups: false,
    uploadsDir,
  },
  {
    // No system dialog in a browser: exports are saved in the data folder's exports/ folder.
    chooseSavePath: folderChooser(exportsDir),
    // Nor an open dialog: answers come from a file tests write (backups go to the data folder's backups/).
    chooseOpenPath: standInOpenChooser(join(dataDir, 'stand-in-choices.json'), join(dataDir, 'backups')),
    // Method names and codes only: inputs may hold case data.
    onInternalError: (method, code) => console.error(`[advocate-desk] ${code} in ${method}`),
    onUnexpectedExit: (code) => {
      console.error(`[advocate-desk] the service process ended (exit ${code}).`);
      process.exit(1);
    },
  },
);
const bridge = await startBridge({
  uploadsDir,
  maxUploadBytes: MAX_UPLOAD_BYTES,
  dispatch: service.dispatch,
  subscribe: service.subscribe,
  readDocument: service.readDocument,
  staticDir: values.static!,
  port: Number(values.port),
});
console.log(`Advocate Desk is running in the browser bridge. Open:\n  ${bridge.loginUrl}`);
console.log(`Vault folder: ${dataDir}\nExports are saved in: ${exportsDir}`);

function shutdown(): void {
  void service
    .close()
    .then(() => bridge.close())
    .then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
