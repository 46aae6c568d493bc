// What `npm run dist` checks before packaging, and what tests/e2e/packaging.spec.ts asserts: the
// configuration lists every target, and the files it would package hold the built app (out/main,
// out/preload and out/renderer, and nothing else of out/),
// the migrations (drizzle/, as resources), the PDF fonts and the native SQLite binary unpacked
// from the asar archive (a .node file cannot be loaded from inside it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minimatch } from 'minimatch';

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function matches(file, patterns) {
  let isIn = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) isIn = false;
    } else if (minimatch(file, pattern, { dot: true })) isIn = true;
  }
  return isIn;
}

/**
 * The files electron-builder would put in the package, by its configuration: the app's `files`
 * (plus production node_modules, which electron-builder adds itself), `asarUnpack` and
 * `extraResources`. Paths are relative to the repository, with forward slashes.
 */
export function packagedFiles(root, config) {
  const posix = (path) => relative(root, path).split(sep).join('/');
  const appFiles = walk(join(root, 'out'))
    .concat([join(root, 'package.json')])
    .map(posix)
    .filter((file) => matches(file, config.files));
  const unpacked = walk(join(root, 'node_modules', 'better-sqlite3'))
    .concat(walk(join(root, 'node_modules', 'dejavu-fonts-ttf')))
    .map(posix)
    .filter((file) => matches(file, config.asarUnpack ?? []));
  const resources = (config.extraResources ?? []).flatMap((entry) =>
    walk(join(root, entry.from)).map((file) => `resources/${entry.to}/${relative(join(root, entry.from), file).split(sep).join('/')}`),
  );
  return { appFiles, unpacked, resources };
}

/** The folders of out/ that make up the app: main (with its workers and processes), preload, renderer. */
const APP_FOLDERS = ['main', 'preload', 'renderer'];

export function checkPackaging(root, config) {
  const problems = [];
  const targets = (platform) => (config[platform]?.target ?? []).map((target) => (typeof target === 'string' ? target : target.target));
  for (const [platform, wanted] of [
    ['linux', ['AppImage', 'deb']],
    ['mac', ['dmg']],
    ['win', ['nsis']],
  ]) {
    for (const target of wanted) if (!targets(platform).includes(target)) problems.push(`${platform} has no ${target} target`);
  }
  const { appFiles, unpacked, resources } = packagedFiles(root, config);
  if (!appFiles.includes('out/main/index.js')) problems.push('out/main/index.js (the main process) is not packaged; run the build first');
  if (!appFiles.includes('out/main/service-entry.js')) problems.push('out/main/service-entry.js (the service process) is not packaged');
  if (!appFiles.includes('out/main/pdf-worker.js')) problems.push('out/main/pdf-worker.js (the PDF worker) is not packaged');
  if (!appFiles.includes('out/main/integrity-worker.js')) problems.push('out/main/integrity-worker.js (the background integrity check) is not packaged');
  if (!appFiles.includes('out/main/parser-entry.js')) problems.push('out/main/parser-entry.js (the bounded parser process) is not packaged');
  if (!appFiles.includes('out/preload/index.cjs')) problems.push('out/preload/index.cjs is not packaged');
  if (!appFiles.includes('out/renderer/index.html')) problems.push('out/renderer/index.html is not packaged');
  // out/ also holds builds that are not the app: the command line (out/cli, run from a checkout
  // with the repository's migrations) and test builds. They would only make the installer larger.
  const foreign = [
    ...new Set(
      appFiles
        .filter((file) => file.startsWith('out/') && !APP_FOLDERS.some((folder) => file.startsWith(`out/${folder}/`)))
        .map((file) => file.split('/').slice(0, 2).join('/')),
    ),
  ];
  for (const folder of foreign) problems.push(`${folder} is not part of the app but would be packaged`);
  if (!resources.some((file) => file.startsWith('resources/drizzle/') && file.endsWith('.sql')))
    problems.push('the migrations (drizzle/) are not packaged as resources');
  if (!unpacked.some((file) => file.endsWith('.node'))) problems.push('the native SQLite binary (.node) is not unpacked from the asar archive');
  if (!unpacked.some((file) => file.endsWith('DejaVuSans.ttf')) || !unpacked.some((file) => file.endsWith('DejaVuSans-Bold.ttf'))) {
    problems.push('the PDF fonts (DejaVu Sans regular and bold) are not packaged unpacked');
  }
  return problems;
}
