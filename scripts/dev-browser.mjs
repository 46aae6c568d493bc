// `npm run dev:browser`: the same renderer and the same API handlers, in a browser, over the
// loopback bridge (Electron's runtime is not needed). Extra arguments go to the bridge
// (--data DIR for the vault folder, --port N).
import { spawn, spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('The build failed (see the errors above).');
  process.exit(1);
}
const bridge = spawn(npx, ['tsx', 'src/main/bridge/serve.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => bridge.kill(signal));
bridge.on('close', (code) => process.exit(code ?? 0));
