import { listAudit, verifyAuditChain, auditHead } from '../../services/audit/audit-verify';
import { vaultAnchors, formatAuditHead } from '../../services/audit/audit-anchors';
import { AppError } from '@shared/api/errors';
import { saveExport } from '../../services/files/save-export';
import type { DomainHandlers } from '../dispatcher';
import type { AppContext } from '../app-context';
import type { auditMethods } from '@shared/api/methods/audit';

export const auditHandlers = {
  'audit.list': (input, ctx) => listAudit(ctx.vault.db(), input),
  'audit.verify': (input, ctx) =>
    verifyAuditChain(ctx.vault.db(), [
      ...vaultAnchors(ctx.vault),
      ...(input.anchors ?? []).map((anchor) => ({ ...anchor, source: `the head you entered (#${anchor.id})` })),
    ]),
  'audit.exportHead': async (_input, ctx) => {
    const head = auditHead(ctx.vault.db());
    if (!head) throw new AppError('NOT_FOUND', 'The audit trail has no entries yet, so there is no head to save.');
    const day = ctx.now().toISOString().slice(0, 10);
    const fileName = `Audit head ${day} #${head.id}.txt`;
    const bytes = Buffer.from(`${formatAuditHead(head)}\n`, 'utf8');
    const outcome = await saveExport(ctx.chooseSavePath, { kind: 'smallExport', fileName, mimeType: 'text/plain', bytes }, () => {});
    return { fileName, ...outcome };
  },
} satisfies DomainHandlers<keyof typeof auditMethods, AppContext>;
