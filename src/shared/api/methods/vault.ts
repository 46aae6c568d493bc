/** Vault: create, unlock, lock, passphrase. These work while the vault is locked. */
import { z } from 'zod';
import { emptyInput } from '../../domain/common';

import { method, ok } from '../method';

import { vaultStatus, passphrase, newPassphrase } from '../vault-schemas';

export const vaultMethods = {
  /** Where the vault is and whether it is unlocked. */
  'vault.status': method('Vault location and lock state', emptyInput, vaultStatus, false),
  /**
   * Creates a new encrypted vault; returns the recovery key, shown once. The advocate's name (optional)
   * counts against the passphrase, like the app's and the file's names, and becomes the profile's name.
   */
  'vault.create': method(
    'Create a vault',
    z
      .strictObject({ passphrase: z.string().max(1024), confirmation: z.string().max(1024), advocateName: z.string().trim().max(200).optional() })
      .refine((value) => value.passphrase === value.confirmation, {
        message: 'The two passphrases do not match',
        path: ['confirmation'],
      }),
    z.strictObject({ recoveryKey: z.string() }),
    false,
  ),
  /** Creates the demo caseload (synthetic families) in its own vault and opens it. */
  'vault.createDemo': method(
    'Create and open the demo caseload',
    z
      .strictObject({ passphrase: z.string().max(1024), confirmation: z.string().max(1024), families: z.number().int().min(1).max(500).default(40) })
      .refine((value) => value.passphrase === value.confirmation, { message: 'The two passphrases do not match', path: ['confirmation'] }),
    z.strictObject({ recoveryKey: z.string() }),
    false,
  ),
  /**
   * One click: opens the demo caseload, creating it first when there is none, with a generated
   * passphrase kept beside it (synthetic data only). Answers the status and that passphrase, to
   * show; `passphrase` is null when the demo was made with a chosen one (it then waits, locked,
   * for its unlock screen). Only while no vault is unlocked.
   */
  'vault.openDemo': method(
    'Open the demo caseload in one click',
    emptyInput,
    z.strictObject({ status: vaultStatus, passphrase: z.string().nullable(), wasCreated: z.boolean() }),
    false,
  ),
  /** Unlocks with the passphrase or the recovery key. A wrong one changes no file. */
  'vault.unlock': method(
    'Unlock the vault',
    z.union([z.strictObject({ passphrase }), z.strictObject({ recoveryKey: z.string().min(1).max(200) })]),
    vaultStatus,
    false,
  ),
  'vault.lock': method('Lock the vault now', emptyInput, vaultStatus, false),
  /**
   * Points the app at another vault file main already knows: the advocate's own, the demo, a copy
   * taken before an update (from the status), or a file chosen in a dialog (its choice id). Never a
   * path from the renderer. Only while locked.
   */
  'vault.use': method(
    'Use another vault file',
    z.union([
      z.strictObject({ place: z.enum(['home', 'demo']) }),
      z.strictObject({ preMigrationCopy: z.string().min(1).max(4096) }),
      z.strictObject({ choiceId: z.string().regex(/^[0-9a-f]{32}$/, 'Choose the file again') }),
    ]),
    vaultStatus,
    false,
  ),
  /** Main's open dialog (an existing vault) or save dialog (a new one) chooses the file, and the app points at it. */
  'vault.chooseFile': method(
    'Choose another vault file',
    z.strictObject({ purpose: z.enum(['open', 'create']) }),
    z.strictObject({ status: vaultStatus, wasCancelled: z.boolean() }),
    false,
  ),
  /** Re-wraps the data key; the database itself is not rewritten. */
  'vault.changePassphrase': method(
    'Change the passphrase',
    z
      .strictObject({ currentPassphrase: passphrase, passphrase: z.string().max(1024), confirmation: z.string().max(1024) })
      .refine((value) => value.passphrase === value.confirmation, {
        message: 'The two passphrases do not match',
        path: ['confirmation'],
      }),
    ok,
  ),
  /**
   * After a recovery-key unlock (status.needsNewPassphrase): sets a new passphrase without the
   * forgotten one. Refused (FORBIDDEN) in any other session.
   */
  'vault.setNewPassphrase': method('Set a new passphrase after a recovery-key unlock', newPassphrase, vaultStatus),
  /** Whether this device can keep the vault's key in its keyring, and whether it does. */
  'vault.deviceKeyStatus': method(
    'Remember-on-this-device availability',
    emptyInput,
    z.strictObject({ isAvailable: z.boolean(), problem: z.string().nullable(), isRemembered: z.boolean() }),
    false,
  ),
  /** Keeps (or forgets) the open vault's key in the operating system's keyring. Off by default. */
  'vault.rememberOnDevice': method(
    'Remember or forget the vault on this device',
    z.strictObject({ isEnabled: z.boolean() }),
    z.strictObject({ isRemembered: z.boolean() }),
  ),
  /** Unlocks with the key kept in this device's keyring; fails clearly if the keyring changed. */
  'vault.unlockWithDevice': method('Unlock with the key remembered on this device', emptyInput, vaultStatus, false),
} as const;
