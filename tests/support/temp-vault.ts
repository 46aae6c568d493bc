import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, type ApiOptions } from '../../src/main/api/create-api';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api/contract';
import type { AppContext } from '../../src/main/api/handlers';
import { VaultManager } from '../../src/main/vault/vault-manager';
import { EventBus } from '../../src/main/api/event-bus';
import { folderChooser, standInOpenChooser } from '../../src/main/bridge/stand-in-chooser';
import type { AppEvent } from '../../src/shared/api/events';
import type { ServiceContext } from '../../src/main/services/context';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
export const STRONG_PASSPHRASE = 'violet tractor swims under seven lanterns';
export const OTHER_STRONG_PASSPHRASE = 'copper giraffe reads quietly at midnight';
/** Tests lower the KDF cost only to stay fast; one test checks the production default. */
export const TEST_KDF_ITERATIONS = 2_000;

export interface TempVault {
  dir: string;
  path: string;
  vault: VaultManager;
  cleanup: () => void;
}

export function makeTempDir(prefix = 'advocate-desk-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function makeVaultManager(path: string, now: () => Date = () => new Date('2026-11-23T15:00:00Z')): VaultManager {
  return new VaultManager({
    path,
    migrationsFolder: MIGRATIONS_FOLDER,
    kdfIterations: TEST_KDF_ITERATIONS,
    now,
    demoPath: `${path}.demo`,
  });
}

export function tempVault(): TempVault {
  const { dir, cleanup } = makeTempDir();
  const path = join(dir, 'caseload.advd');
  const vault = makeVaultManager(path);
  return {
    dir,
    path,
    vault,
    cleanup: () => {
      vault.lock();
      cleanup();
    },
  };
}

export async function unlockedVault(): Promise<TempVault & { ctx: ServiceContext; recoveryKey: string }> {
  const temp = tempVault();
  const { recoveryKey } = await temp.vault.create(STRONG_PASSPHRASE);
  return { ...temp, recoveryKey, ctx: { db: temp.vault.db(), now: () => new Date('2026-11-23T15:00:00Z') } };
}

/** `dialogs`: stand-ins for main's open and save dialogs (file locations never come from the caller). */
export function apiFor(
  vault: VaultManager,
  options: ApiOptions = {},
  demoPath = `${vault.vaultPath}.demo`,
  events?: EventBus,
  dialogs: Pick<AppContext, 'chooseOpenPath' | 'chooseSavePath'> = {},
) {
  const ctx: AppContext = { vault, now: () => new Date('2026-11-23T15:00:00Z'), demoPath, ...(events ? { events } : {}), ...dialogs };
  return createApi(ctx, options);
}

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** A created, unlocked vault behind the real dispatcher, with a `call` that throws on any error. */
export interface ApiVault {
  temp: TempVault;
  dispatch: ReturnType<typeof apiFor>;
  /** Calls through the real dispatcher (input and output checked against the contract); throws on failure. */
  call: Call;
  ctx: ServiceContext;
  /** Every event pushed on the event channel, oldest first. */
  events: AppEvent[];
  /** Where saved exports land (the bridge's stand-in for the save dialog). */
  exportsDir: string;
  /** Where uploads wait to be read by id (the bridge's POST /uploads folder). */
  uploadsDir: string;
  /** The file the stand-in open dialog answers next (null: it is cancelled), as the bridge's choices file says. */
  answerOpenDialog: (path: string | null) => void;
}

export async function apiVault(): Promise<ApiVault> {
  const temp = tempVault();
  const bus = new EventBus();
  const events: AppEvent[] = [];
  bus.subscribe((event) => events.push(event));
  const exportsDir = join(temp.dir, 'exports');
  const uploadsDir = join(temp.dir, 'uploads');
  mkdirSync(uploadsDir, { recursive: true });
  const choicesFile = join(temp.dir, 'stand-in-choices.json');
  const chooseOpenPath = standInOpenChooser(choicesFile, join(temp.dir, 'backups'));
  const dispatch = createApi(
    {
      vault: temp.vault,
      now: () => new Date('2026-11-23T15:00:00Z'),
      demoPath: `${temp.path}.demo`,
      events: bus,
      chooseSavePath: folderChooser(exportsDir),
      chooseOpenPath,
      uploadsDir,
    },
    {},
  );
  const answerOpenDialog = (path: string | null) => writeFileSync(choicesFile, JSON.stringify({ file: path }));
  const created = await dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  if (!created.ok) throw new Error(`vault.create: ${created.error.code} ${created.error.message}`);
  const call: Call = async (method, input) => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as never;
  };
  return { temp, dispatch, call, ctx: { db: temp.vault.db(), now: () => new Date('2026-11-23T15:00:00Z') }, events, exportsDir, uploadsDir, answerOpenDialog };
}
