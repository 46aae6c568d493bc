// `npm run dist`: build, check the packaging configuration, then package for this operating
// system with electron-builder (AppImage + deb on Linux, dmg on macOS, NSIS on Windows; each is
// built on its own OS). Where Electron's runtime cannot be downloaded, stop after the checks with
// one line, as `npm start` does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackaging } from './packaging-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args, options = {}) =>
  spawnSync(npx, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32', ...options });

if (run(['electron-vite', 'build']).status !== 0) {
  console.error('Advocate Desk cannot be packaged: the build failed (see the errors above).');
  process.exit(1);
}
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8'));
const problems = checkPackaging(root, config);
if (problems.length > 0) {
  console.error(`The packaging configuration is not valid:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}

// Electron's runtime: electron-builder packages this exact binary (fetched on first use).
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 180_000 });
if (probe.status !== 0 || !probe.stdout) {
  console.error(
    "Advocate Desk cannot be packaged here: the configuration is valid, but Electron's runtime is not installed and could not be downloaded on this machine.",
  );
  process.exit(1);
}
const packaged = run(['electron-builder', '--config', 'electron-builder.json', '--publish', 'never'], { stdio: 'inherit' });
process.exit(packaged.status ?? 1);
