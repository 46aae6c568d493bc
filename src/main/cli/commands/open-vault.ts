import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '@shared/api/errors';
import { VaultManager } from '../../vault/vault-manager';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import { readPassphrase } from '../passphrase';
import { MIGRATIONS_FOLDER } from '../paths';
import type { OptionValues } from './command';
import { requiredString } from './options';

/**
 * Unlocks the vault named by --db with the passphrase from the environment or the terminal, with
 * the CLI's exit codes: 2 cannot unlock (wrong passphrase, no vault), 3 damaged. The caller locks it.
 */
export async function openVaultFromOptions(values: OptionValues, io: CliIo): Promise<VaultManager> {
  const path = resolve(requiredString(values, 'db'));
  if (!existsSync(path)) throw new CliError(`No vault at ${path}: the file does not exist.`, EXIT.CANNOT_UNLOCK);
  const passphrase = await readPassphrase(io, { confirm: false });
  // No background integrity check (the app runs one after each unlock, in a worker): a command
  // ends before a full check of a large vault would, nothing could show its result afterwards, and
  // `verify` runs the same check in the foreground. Starting the worker cost each command ~60 ms.
  const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, now: io.now, integrityChecker: async () => null });
  let status;
  try {
    status = await vault.unlock({ passphrase });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'WRONG_PASSPHRASE') throw new CliError(`Wrong passphrase: ${error.message}`, EXIT.CANNOT_UNLOCK);
    if (error.code === 'TOO_MANY_ATTEMPTS') throw new CliError(`Not unlocked: ${error.message}`, EXIT.CANNOT_UNLOCK);
    if (error.code === 'VAULT_NOT_FOUND') throw new CliError(`No vault: ${error.message}`, EXIT.CANNOT_UNLOCK);
    if (error.code === 'VAULT_DAMAGED') throw new CliError(`Damaged: ${error.message}`, EXIT.DAMAGED);
    throw new CliError(`Could not open the vault: ${error.message}`, EXIT.FAILURE);
  }
  if (status.state === 'damaged') {
    const copies = status.preMigrationCopies.length ? ` ${status.preMigrationCopies.length} copies taken before a schema update sit beside it.` : '';
    throw new CliError(`Damaged: ${status.problem ?? 'the vault could not be read.'}${copies}`, EXIT.DAMAGED);
  }
  if (status.state !== 'unlocked') throw new CliError(`Could not open the vault (state: ${status.state}).`, EXIT.FAILURE);
  return vault;
}
