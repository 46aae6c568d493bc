import { resolve } from 'node:path';
import { EXIT } from '../exit-codes';
import { appliedMigrationCount, checkAuditChain, checkForeignKeys, checkIntegrity, rowCounts } from '../vault-checks';
import type { CliCommand } from './command';
import { openVaultFromOptions } from './open-vault';
import { requiredString } from './options';

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
    const vault = await openVaultFromOptions(values, io);
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
