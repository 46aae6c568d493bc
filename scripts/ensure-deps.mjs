// Runs before `npm start`, `npm test` and `npm run dist` (their pre-scripts), with whatever Node is
// on the PATH: on a fresh clone node_modules is missing, so this installs exactly the lock file
// (`npm ci`) first. An existing install is left alone; `npm ci` by hand refreshes it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// npm writes this file last, after every package is in place: its absence means no finished install.
const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed)) {
  console.error('node_modules is missing: installing the locked dependencies (npm ci)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Installing the dependencies failed (see above).');
    process.exit(result.status ?? 1);
  }
}
