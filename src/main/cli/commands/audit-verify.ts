import { verifyAuditChain } from '../../services/audit/audit-verify';
import { EXIT } from '../exit-codes';
import type { CliCommand } from './command';
import { openVaultFromOptions } from './open-vault';

/** Re-computes the audit trail's hash chain. Prints ids and counts only. */
export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  summary: 'Check that the audit trail was not edited: exit 0 intact, 1 broken (with the first broken entry)',
  synopsis: '--db PATH',
  details: ['--db PATH       the vault file (its key file PATH.keys must sit beside it)'],
  options: { db: { type: 'string' } },
  async run(values, io) {
    const vault = await openVaultFromOptions(values, io);
    try {
      const result = verifyAuditChain(vault.db());
      if (result.isIntact) {
        io.out(`Audit trail intact: ${result.count} ${result.count === 1 ? 'entry' : 'entries'} checked.`);
        return EXIT.OK;
      }
      io.err(`Audit trail BROKEN at entry #${result.firstBrokenId}: ${result.reason} (${result.count} entries read)`);
      return EXIT.FAILURE;
    } finally {
      vault.lock();
    }
  },
};
