import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '@shared/api/errors';
import { CliError, EXIT } from '../exit-codes';
import { readPassphrase } from '../passphrase';
import { MIGRATIONS_FOLDER } from '../paths';
import type { CliCommand } from './command';
import { integerOption, requiredString } from './options';

export const MAX_DEMO_FAMILIES = 5_000;

function removeVaultFiles(path: string, keysPathFor: (path: string) => string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`, keysPathFor(path)]) rmSync(file, { force: true });
}

/** Creates a new encrypted vault and fills it with the synthetic demo caseload. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Create a new vault filled with a synthetic demo caseload',
  synopsis: '--db PATH [--families N] [--seed S]',
  details: [
    '--db PATH       where to create the vault (must not exist yet; the key file goes beside it as PATH.keys)',
    `--families N    how many synthetic families (1-${MAX_DEMO_FAMILIES}, default 40)`,
    '--seed S        the random seed; the same seed gives the same caseload (default 1)',
  ],
  options: { db: { type: 'string' }, families: { type: 'string' }, seed: { type: 'string' } },
  async run(values, io) {
    const path = resolve(requiredString(values, 'db'));
    const families = integerOption(values, 'families', 40, 1, MAX_DEMO_FAMILIES);
    const seed = integerOption(values, 'seed', 1, 0, 2 ** 31 - 1);
    // Loaded when the command runs, not when `help` lists the commands (CLI start-up).
    const [{ seedDemoCaseload }, { keysPathFor, VaultManager }] = await Promise.all([import('../../demo/demo-caseload'), import('../../vault/vault-manager')]);
    // Never overwrite: an existing vault at this path may be someone's real caseload.
    if (existsSync(path) || existsSync(keysPathFor(path))) {
      throw new CliError(`Refusing to create a vault at ${path}: a file already exists there. Choose a new path.`, EXIT.FAILURE);
    }
    const passphrase = await readPassphrase(io, { confirm: true });
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, now: io.now });
    let recoveryKey: string;
    try {
      ({ recoveryKey } = await vault.create(passphrase));
    } catch (error) {
      if (isAppError(error) && error.code === 'WEAK_PASSPHRASE') throw new CliError(`Weak passphrase: ${error.message}`, EXIT.FAILURE);
      throw error;
    }
    let counts;
    try {
      counts = seedDemoCaseload({ db: vault.db(), now: io.now }, { families, seed, today: io.now() });
    } catch (error) {
      // A half-made demo vault is worth nothing; do not leave one behind to be mistaken for real.
      vault.lock();
      removeVaultFiles(path, keysPathFor);
      throw error;
    }
    vault.lock();

    io.out(`Created demo vault ${path}`);
    io.out(`Key file: ${keysPathFor(path)} (keep it with the vault; back both up together)`);
    io.out('');
    io.out('RECOVERY KEY (shown only this once):');
    io.out(`    ${recoveryKey}`);
    io.out('Write it down or store it in a password manager now, away from this computer.');
    io.out('It is the only way into this vault if the passphrase is forgotten. It is not stored anywhere.');
    io.out('');
    io.out(`Seeded (seed ${seed}):`);
    const width = Math.max(...Object.keys(counts).map((key) => key.length));
    for (const [key, value] of Object.entries(counts)) io.out(`  ${key.padEnd(width)}  ${value}`);
    return EXIT.OK;
  },
};
