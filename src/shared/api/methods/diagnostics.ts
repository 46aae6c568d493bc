/** What support needs to help, in one block of text the advocate can paste: versions, states, log lines. */
import { z } from 'zod';
import { method } from '../method';

export const diagnosticsMethods = {
  /**
   * Versions, platform, the vault's state and schema version, and the last lines of the app's
   * logs. Holds ids, codes and counts only, never case data or file paths, so it can be sent to
   * anyone. Works while the vault is locked.
   */
  'diagnostics.get': method(
    'Diagnostics to copy for support (no case data)',
    z.strictObject({}).optional().default({}),
    z.strictObject({ text: z.string() }),
    false,
  ),
} as const;
