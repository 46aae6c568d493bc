import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { createApi } from '../../../src/main/api/create-api';
import { startBridge } from '../../../src/main/bridge/bridge-server';
import { makeTempDir, makeVaultManager, STRONG_PASSPHRASE } from '../../support/temp-vault';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));
export { STRONG_PASSPHRASE };

export interface AppServer {
  loginUrl: string;
  origin: string;
  vaultPath: string;
  /** The method names the page has called through the bridge, in arrival order (never inputs). */
  pageCalls: readonly string[];
  /** Calls the same dispatcher the page uses, for fast test setup; throws on an API error. */
  api: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  close: () => Promise<void>;
}

/**
 * The real handler table behind the loopback bridge, in-process, on a temporary vault with the
 * fast test KDF. The page and the test share one VaultManager, so data set up through `api`
 * is what the page shows.
 */
export async function startAppServer(): Promise<AppServer> {
  const { dir, cleanup } = makeTempDir('advocate-desk-e2e-');
  const vaultPath = join(dir, 'caseload.advd');
  const vault = makeVaultManager(vaultPath, () => new Date());
  const dispatch = createApi({ vault, now: () => new Date(), demoPath: `${vaultPath}.demo` });
  const pageCalls: string[] = [];
  const bridge = await startBridge({
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
    api,
    close: async () => {
      await bridge.close();
      vault.lock();
      cleanup();
    },
  };
}
