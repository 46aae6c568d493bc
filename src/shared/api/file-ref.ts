import { z } from 'zod';

/**
 * A file the advocate chose to import, by reference, never by content: in the desktop app its
 * path on disk (from the file picker or a drop, `webUtils.getPathForFile`); in the browser bridge
 * the id of an upload the bridge streamed to disk (`POST /uploads`). The service process reads it.
 */
export const fileRef = z.union([
  z.strictObject({ path: z.string().min(1).max(4096) }),
  z.strictObject({ uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'Not an upload id') }),
]);
export type FileRef = z.infer<typeof fileRef>;
