import { resolve } from 'node:path';
import { EXIT } from '../exit-codes';
import type { CheckResult } from '../vault-checks';
import { anchorsFromOptions } from './audit-verify';
import type { CliCommand } from './command';
import { requiredString } from './options';

/**
 * Opens a vault and checks it: the key, SQLite's integrity check, references and the audit hash
 * chain; then prints row counts. Only counts and ids are printed, never what the rows contain.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Unlock a vault, check its integrity and print row counts per table',
  synopsis: '--db PATH [--anchor HEAD]... [--backups DIR]...',
  details: [
    '--db PATH       the vault file to check (its key file PATH.keys must sit beside it)',
    '--anchor HEAD   an audit chain head printed earlier by audit-verify --head; repeatable',
    '--backups DIR   a folder of backups whose manifests are audit anchors too',
  ],
  options: { db: { type: 'string' }, anchor: { type: 'string', multiple: true }, backups: { type: 'string', multiple: true } },
  async run(values, io) {
    const path = resolve(requiredString(values, 'db'));
    // Loaded when the command runs, not when `help` lists the commands (CLI start-up).
    const [{ openVaultFromOptions }, { verifyAuditChain }, { appliedMigrationCount, checkForeignKeys, checkIntegrity, rowCounts }] = await Promise.all([
      import('./open-vault'),
      import('../../services/audit/audit-verify'),
      import('../vault-checks'),
    ]);
    const vault = await openVaultFromOptions(values, io);
    try {
      const sqlite = vault.db().sqlite;
      // The same audit check as audit-verify: schema, chain, counter and every anchor.
      const audit = verifyAuditChain(vault.db(), await anchorsFromOptions(values, vault));
      const auditCheck: CheckResult = audit.isIntact
        ? { name: 'Audit chain', isOk: true, summary: `ok (${audit.count} ${audit.count === 1 ? 'entry' : 'entries'}, ${audit.anchorsChecked} anchors)` }
        : { name: 'Audit chain', isOk: false, summary: `broken${audit.firstBrokenId !== null ? ` at entry #${audit.firstBrokenId}` : ''}: ${audit.reason}` };
      const checks = [checkIntegrity(sqlite), checkForeignKeys(sqlite), auditCheck];
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
