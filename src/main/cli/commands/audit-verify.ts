import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditAnchor, verifyAuditChain } from '../../services/audit/audit-verify';
import type { VaultManager } from '../../vault/vault-manager';
import { CliError, EXIT } from '../exit-codes';
import type { CliIo } from '../io';
import type { CliCommand, OptionValues } from './command';

/** Anchors named on the command line (--anchor, repeatable) and the manifests in --backups folders. */
export async function anchorsFromOptions(values: OptionValues, vault: VaultManager): Promise<AuditAnchor[]> {
  // Loaded when a command runs, not when `help` lists the commands (CLI start-up).
  const [{ backupAnchors, parseAnchorText, vaultAnchors }, { parseKeyEnvelope }, { keysPathFor }] = await Promise.all([
    import('../../services/audit/audit-anchors'),
    import('../../vault/key-envelope'),
    import('../../vault/vault-manager'),
  ]);
  const list = (name: string): string[] => {
    const value = (values as Record<string, unknown>)[name];
    return Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  };
  const anchors: AuditAnchor[] = [];
  for (const text of list('anchor')) {
    const parsed = parseAnchorText(text);
    if (!parsed)
      throw new CliError(
        `--anchor must be a chain head as printed by --head ("advocate-desk audit head #ID sha256:HASH" or ID:HASH), not "${text.slice(0, 80)}".`,
        EXIT.USAGE,
      );
    anchors.push({ ...parsed, source: `the head given on the command line (#${parsed.id})` });
  }
  const folders = list('backups');
  if (folders.length) {
    const vaultId = parseKeyEnvelope(readFileSync(keysPathFor(vault.vaultPath), 'utf8')).vaultId;
    for (const folder of folders) anchors.push(...backupAnchors(resolve(folder), vaultId));
  }
  return [...vaultAnchors(vault), ...anchors];
}

/** Prints the verdict of verifyAuditChain; the exit code `audit-verify` and `verify` share. */
export function reportAuditVerification(io: CliIo, result: ReturnType<typeof verifyAuditChain>): boolean {
  const anchors = `${result.anchorsChecked} ${result.anchorsChecked === 1 ? 'anchor' : 'anchors'}`;
  if (result.isIntact) {
    io.out(`Audit trail intact: ${result.count} ${result.count === 1 ? 'entry' : 'entries'} checked against ${anchors}.`);
    return true;
  }
  io.err(
    `Audit trail BROKEN${result.firstBrokenId !== null ? ` at entry #${result.firstBrokenId}` : ''}: ${result.reason} (${result.count} entries read, ${anchors})`,
  );
  return false;
}

/** Re-computes the audit trail's hash chain and compares it with every anchor. Prints ids and counts only. */
export const auditVerifyCommand: CliCommand = {
  name: 'audit-verify',
  summary: 'Check that the audit trail was not edited or rewritten: exit 0 intact, 1 broken (naming the first disagreement)',
  synopsis: '--db PATH [--head] [--anchor HEAD]... [--backups DIR]...',
  details: [
    '--db PATH       the vault file (its key file PATH.keys must sit beside it)',
    '--head          also print the current chain head, to keep outside this computer',
    '--anchor HEAD   a head printed earlier ("advocate-desk audit head #ID sha256:HASH"); repeatable',
    '--backups DIR   a folder of backups whose manifests are anchors too (the configured folder is always read)',
  ],
  options: { db: { type: 'string' }, head: { type: 'boolean' }, anchor: { type: 'string', multiple: true }, backups: { type: 'string', multiple: true } },
  async run(values, io) {
    const [{ openVaultFromOptions }, { verifyAuditChain }, { formatAuditHead }] = await Promise.all([
      import('./open-vault'),
      import('../../services/audit/audit-verify'),
      import('../../services/audit/audit-anchors'),
    ]);
    const vault = await openVaultFromOptions(values, io);
    try {
      const result = verifyAuditChain(vault.db(), await anchorsFromOptions(values, vault));
      if (values.head === true) io.out(result.head ? formatAuditHead(result.head) : 'The audit trail is empty: there is no head yet.');
      return reportAuditVerification(io, result) ? EXIT.OK : EXIT.FAILURE;
    } finally {
      vault.lock();
    }
  },
};
