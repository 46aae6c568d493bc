import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import type { AppEvent } from '@shared/api/events';
import { startBridge } from '../../../src/main/bridge/bridge-server';
import { folderChooser, standInOpenChooser } from '../../../src/main/bridge/stand-in-chooser';
import { forkServiceHost } from '../../../src/main/process/service-client';
import { makeTempDir, MIGRATIONS_FOLDER, STRONG_PASSPHRASE, TEST_KDF_ITERATIONS } from '../../support/temp-vault';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
export { STRONG_PASSPHRASE };

export interface AppServer {
  loginUrl: string;
  origin: string;
  vaultPath: string;
  /** The method names the page has called through the bridge, in arrival order (never inputs). */
  pageCalls: readonly string[];
  /** Every event the service process pushed, oldest first. */
  events: readonly AppEvent[];
  /** The events the bridge streamed to the page, oldest first. */
  pageEvents: readonly AppEvent[];
  /** Where the stand-in save dialog puts exports (and restored or new vault files). */
  exportsDir: string;
  /** The temporary folder everything of this server lives in. */
  dataDir: string;
  /** What the stand-in open dialog answers next: a file, and a folder (default: `<dataDir>/backups`). */
  chooseNext: (answers: { file?: string; folder?: string }) => void;
  /** Calls the same dispatcher the page uses, for fast test setup; throws on an API error. */
  api: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  close: () => Promise<void>;
}

/**
 * The service process (the entry the desktop app runs as a utility process, forked under Node)
 * behind the loopback bridge, on a temporary vault with the fast test KDF. The page and the test
 * call the same process, so data set up through `api` is what the page shows.
 */
export async function startAppServer(): Promise<AppServer> {
  const { dir, cleanup } = makeTempDir('advocate-desk-e2e-');
  const vaultPath = join(dir, 'caseload.advd');
  const exportsDir = join(dir, 'exports');
  const uploadsDir = join(dir, 'uploads');
  const choicesFile = join(dir, 'stand-in-choices.json');
  const service = await forkServiceHost(
    {
      vaultPath,
      demoPath: `${vaultPath}.demo`,
      migrationsFolder: MIGRATIONS_FOLDER,
      kdfIterations: TEST_KDF_ITERATIONS,
      hasSaveChooser: true,
      runsBackups: false,
      uploadsDir,
    },
    { chooseSavePath: folderChooser(exportsDir), chooseOpenPath: standInOpenChooser(choicesFile, join(dir, 'backups')) },
  );
  const dispatch = service.dispatch;
  const events: AppEvent[] = [];
  service.subscribe((event) => events.push(event));
  const pageCalls: string[] = [];
  const pageEvents: AppEvent[] = [];
  const bridge = await startBridge({
    uploadsDir,
    readDocument: service.readDocument,
    subscribe: (listener) =>
      service.subscribe((event) => {
        pageEvents.push(event);
        listener(event);
      }),
    dispatch: (method, input) => {
      pageCalls.push(String(method));
      return dispatch(method, input);
    },
    staticDir: RENDERER_DIR,
  });

  async function api<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method} failed in test setup: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  return {
    loginUrl: bridge.loginUrl,
    origin: bridge.origin,
    vaultPath,
    pageCalls,
    events,
    pageEvents,
    exportsDir,
    dataDir: dir,
    chooseNext: (answers) => writeFileSync(choicesFile, JSON.stringify(answers)),
    api,
    close: async () => {
      await bridge.close();
      await service.close();
      cleanup();
    },
  };
}
