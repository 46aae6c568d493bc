import type { fileMethods } from '@shared/api/methods/files';
import { sanitizeFileName } from '../../bundles/file-output';
import { writeFileAtomicallyAsync } from '../../lib/atomic-file';
import { saveHeldExport } from '../../services/files/save-export';
import type { DomainHandlers } from '../dispatcher';
import type { AppContext } from '../app-context';

export const fileHandlers = {
  'files.save': async (input, ctx) => {
    if (!ctx.chooseSavePath) return { savedPath: null, wasCancelled: false };
    const target = await ctx.chooseSavePath(sanitizeFileName(input.suggestedName), input.mimeType);
    if (!target) return { savedPath: null, wasCancelled: true };
    await writeFileAtomicallyAsync(target, Buffer.from(input.base64, 'base64'));
    return { savedPath: target, wasCancelled: false };
  },
  'files.saveExport': (input, ctx) => saveHeldExport(ctx.chooseSavePath, input.exportId),
} satisfies DomainHandlers<keyof typeof fileMethods, AppContext>;
