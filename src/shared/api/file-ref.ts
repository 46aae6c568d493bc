import { z } from 'zod';

/**
 * A file the advocate chose to import, by reference, never by content: a file chosen in main's
 * open dialog (`files.chooseImport`) by the opaque id main returned; a dropped file by its path on
 * disk (`webUtils.getPathForFile` in the preload); in the browser bridge the id of an upload the
 * bridge streamed to disk (`POST /uploads`). The service process reads the file itself, within
 * the size limit of its kind (src/shared/api/file-limits.ts).
 */
export const fileRef = z.union([
  z.strictObject({ choiceId: z.string().regex(/^[0-9a-f]{32}$/, 'Choose the file again') }),
  z.strictObject({ path: z.string().min(1).max(4096) }),
  z.strictObject({ uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'Not an upload id') }),
]);
export type FileRef = z.infer<typeof fileRef>;
