import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '@shared/api/errors';
import { VaultManager } from '../../vault/vault-manager';
import { CliError, EXIT } from '../exit-codes';
import { readPassphrase } from '../passphrase';
import { MIGRATIONS_FOLDER } from '../paths';
import { appliedMigrationCount, checkAuditChain, checkForeignKeys, checkIntegrity, rowCounts } from '../vault-checks';
import type { CliCommand } from './command';
import { requiredString } from './options';

async function unlock(vault: VaultManager, passphrase: string): Promise<void> {
  let status;
  try {
    status = await vault.unlock({ passphrase });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'WRONG_PASSPHRASE') throw new CliError(`Wrong passphrase: ${error.message}`, EXIT.CANNOT_UNLOCK);
    if (error.code === 'VAULT_NOT_FOUND') throw new CliError(`No vault: ${error.message}`, EXIT.CANNOT_UNLOCK);
    if (error.code === 'VAULT_DAMAGED') throw new CliError(`Damaged: ${error.message}`, EXIT.DAMAGED);
    throw new CliError(`Could not open the vault: ${error.message}`, EXIT.FAILURE);
  }
  if (status.state === 'damaged') {
    const copies = status.preMigrationCopies.length ? ` ${status.preMigrationCopies.length} copies taken before a schema update sit beside it.` : '';
    throw new CliError(`Damaged: ${status.problem ?? 'the vault could not be read.'}${copies}`, EXIT.DAMAGED);
  }
  if (status.state !== 'unlocked') throw new CliError(`Could not open the vault (state: ${status.state}).`, EXIT.FAILURE);
}

/**
 * Opens a vault and checks it: the key, SQLite's integrity check, references and the audit hash
 * chain; then prints row counts. Only counts and ids are printed, never what the rows contain.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Unlock a vault, check its integrity and print row counts per table',
  synopsis: '--db PATH',
  details: ['--db PATH       the vault file to check (its key file PATH.keys must sit beside it)'],
  options: { db: { type: 'string' } },
  async run(values, io) {
    const path = resolve(requiredString(values, 'db'));
    if (!existsSync(path)) throw new CliError(`No vault at ${path}: the file does not exist.`, EXIT.CANNOT_UNLOCK);
    const passphrase = await readPassphrase(io, { confirm: false });
    const vault = new VaultManager({ path, migrationsFolder: MIGRATIONS_FOLDER, now: io.now });
    await unlock(vault, passphrase);
    try {
      const sqlite = vault.db().sqlite;
      const checks = [checkIntegrity(sqlite), checkForeignKeys(sqlite), checkAuditChain(sqlite)];
      io.out(`Vault ${path}: unlocked`);
      io.out(`  Schema       ${appliedMigrationCount(sqlite)} migrations applied`);
      for (const check of checks) io.out(`  ${check.name.padEnd(12)} ${check.isOk ? '' : 'PROBLEM: '}${check.summary}`);
      io.out('');
      io.out('Rows per table:');
      const counts = rowCounts(sqlite);
      const width = Math.max(...counts.map(({ table }) => table.length));
      for (const { table, rows } of counts) io.out(`  ${table.padEnd(width)}  ${rows}`);
      const failed = checks.filter((check) => !check.isOk);
      if (failed.length > 0) {
        io.err(`Damaged: ${failed.map((check) => `${check.name.toLowerCase()}: ${check.summary}`).join('; ')}`);
        return EXIT.DAMAGED;
      }
      return EXIT.OK;
    } finally {
      vault.lock();
    }
  },
};
