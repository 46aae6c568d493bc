/**
 * `npm run dev:browser` (and the e2e tests) run this under plain Node: the real handler table over
 * the loopback bridge, with the built renderer. Never part of the packaged app.
 */
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi } from '../api/create-api';
import { VaultManager } from '../vault/vault-manager';
import { startBridge } from './bridge-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '.dev-data') },
    port: { type: 'string', default: '0' },
    static: { type: 'string', default: join(root, 'out/renderer') },
  },
});

const dataDir = resolve(values.data!);
const vault = new VaultManager({
  path: join(dataDir, 'caseload.advd'),
  demoPath: join(dataDir, 'demo-caseload.advd'),
  migrationsFolder: join(root, 'drizzle'),
});
const dispatch = createApi(
  { vault, now: () => new Date(), demoPath: join(dataDir, 'demo-caseload.advd') },
  {
    // Method names only: inputs may hold case data.
    onInternalError: (method) => console.error(`[advocate-desk] internal error in ${method}`),
  },
);
const bridge = await startBridge({ dispatch, staticDir: values.static!, port: Number(values.port) });
console.log(`Advocate Desk is running in the browser bridge. Open:\n  ${bridge.loginUrl}`);
console.log(`Vault folder: ${dataDir}`);

function shutdown(): void {
  vault.lock();
  void bridge.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
