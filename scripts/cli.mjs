// `npm run cli -- <command>`: runs the bundled command line, out/cli/cli.js (vite.cli.config.ts),
// in this same process. When the bundle is missing or older than a source file it is rebuilt first
// (a few seconds, once; build output goes to stderr so stdout stays the command's own).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'cli.js');

/** The newest modification time under `path` (a file or a folder). */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return ['src/main', 'src/shared', 'vite.cli.config.ts', 'package-lock.json'].some((path) => newest(join(root, path)) > built);
}

if (isStale()) {
  // Built beside the old bundle, then swapped in, so a second `npm run cli` never runs half a build.
  const building = join(root, 'out', `cli.building-${process.pid}`);
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '-c', 'vite.cli.config.ts', '--outDir', building, '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (result.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    console.error('The command line could not be built (see above).');
    process.exit(1);
  }
  rmSync(join(root, 'out', 'cli'), { recursive: true, force: true });
  renameSync(building, join(root, 'out', 'cli'));
}

await import(pathToFileURL(bundle).href);
