import { z } from 'zod';

export const passphrase = z.string().min(1, 'Enter the passphrase').max(1024);

export const vaultState = z.enum(['no_vault', 'locked', 'unlocked', 'damaged']);
export const vaultStatus = z.strictObject({
  state: vaultState,
  path: z.string(),
  isDemo: z.boolean(),
  /** When state is 'damaged': what the integrity check found, for the recovery screen. */
  problem: z.string().nullable(),
  /** Copies taken before a schema migration, newest first: offered on the recovery screen. */
  preMigrationCopies: z.array(z.string()),
  /** The advocate's own vault file (where the app starts), to switch back from the demo. */
  homePath: z.string(),
  /** The demo caseload's vault file, and whether it has been created. */
  demoPath: z.string().nullable(),
  hasDemo: z.boolean(),
  /** Something the advocate must know after unlocking (old backups kept because the vault looked emptied). */
  notice: z.string().nullable(),
  /** Unlocked with the recovery key (the passphrase is forgotten): a new passphrase is asked for before anything else. */
  needsNewPassphrase: z.boolean(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const newPassphrase = z
  .strictObject({ passphrase: z.string().max(1024), confirmation: z.string().max(1024) })
  .refine((value) => value.passphrase === value.confirmation, {
    message: 'The two passphrases do not match',
    path: ['confirmation'],
  });
