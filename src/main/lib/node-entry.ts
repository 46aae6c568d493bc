import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * How to start one of main's entry files (the service process, the PDF worker) in a new process
 * or thread. In the packaged app they are built JavaScript files next to main's bundle; under
 * plain Node (tests, the bridge, the CLI) they are TypeScript sources, run through tsx with the
 * repository's tsconfig (for the @shared alias) whatever the working directory.
 */
export interface EntryPoint {
  file: string;
  execArgv: string[];
  env: Record<string, string>;
}

const repoTsconfig = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

export function entryPoint(url: URL): EntryPoint {
  const file = fileURLToPath(url);
  if (!file.endsWith('.ts')) return { file, execArgv: [], env: {} };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file, execArgv: ['--import', tsx], env: { TSX_TSCONFIG_PATH: repoTsconfig } };
}
