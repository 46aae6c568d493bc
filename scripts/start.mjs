// `npm start`: build, make sure Electron's runtime is present (it is fetched on first use), launch.
// Where the runtime cannot be fetched, stop with one clear line instead of a stack trace.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const build = spawnSync(npx, ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('Advocate Desk cannot start: the build failed (see the errors above).');
  process.exit(1);
}

// Resolving the runtime in a child keeps the download's noise out of the way and lets us time it out.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: process.cwd(),
  encoding: 'utf8',
  timeout: 180_000,
});
if (probe.status !== 0 || !probe.stdout) {
  console.error(
    "Advocate Desk cannot start: Electron's runtime is not installed and could not be downloaded on this machine. " +
      'Run `npm run dev:browser` to use the same app in a browser.',
  );
  process.exit(1);
}

const electronPath = probe.stdout.trim();
require('node:fs').accessSync(electronPath);
const child = spawn(electronPath, ['.'], { stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 0));
