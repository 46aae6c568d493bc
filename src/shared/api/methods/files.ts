/** Saving a file the advocate exports on purpose (binder, letter, family export, calendar, report). */
import { z } from 'zod';
import { method } from '../method';

const MAX_SAVE_BASE64 = 120 * 1024 * 1024;

export const fileMethods = {
  /**
   * In the desktop app: asks where to save (the system's save dialog) and writes the file
   * atomically there (temp name in the target folder, fsync, rename), so a crash never leaves a
   * partial file. Returns null where no dialog exists (the browser bridge), and the renderer
   * falls back to the browser's download.
   */
  'files.save': method(
    'Save an exported file where the user chooses',
    z.strictObject({
      suggestedName: z.string().trim().min(1).max(255),
      base64: z.string().max(MAX_SAVE_BASE64),
      mimeType: z.string().max(200),
    }),
    z.strictObject({ savedPath: z.string().nullable(), wasCancelled: z.boolean() }),
  ),
  /**
   * Writes a file the service process built and kept (a binder) where the user chooses: the save
   * dialog in the desktop app, the bridge's exports folder in the browser. Atomic; the export's
   * audit entry is written after the file is. A failed write is FILE_WRITE_FAILED.
   */
  'files.saveExport': method(
    'Save a built export where the user chooses',
    z.strictObject({ exportId: z.string().regex(/^[0-9a-f]{32}$/) }),
    z.strictObject({ savedPath: z.string().nullable(), wasCancelled: z.boolean() }),
  ),
} as const;
