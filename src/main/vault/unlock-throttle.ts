import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError, isAppError } from '@shared/api/errors';
import { writeFileAtomically } from '../lib/atomic-file';

/** Free attempts before the first wait, the first wait, and the longest. */
export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;

const stateSchema = z.object({ failures: z.number().int().min(0).max(1_000_000), notBefore: z.number().min(0) });
type ThrottleState = z.infer<typeof stateSchema>;

/** Beside the vault, not secret: a count and a time. It survives restarts, so quitting does not reset it. */
export function throttlePathFor(vaultPath: string): string {
  return `${vaultPath}.unlock-state`;
}

/**
 * The backoff for a vault known by its id rather than its file (a backup being restored: every
 * generation of one vault's backups, wherever it lies, counts as that vault). Its state file is
 * `<folder>/vault-<id>.unlock-state`, and attempts on the same id run one at a time.
 */
export function throttleForVaultId(folder: string, vaultId: string, now: () => Date): UnlockThrottle {
  // The id comes from a key file whose schema holds it to a UUID, so it is safe in a file name.
  if (!/^[0-9a-f-]{36}$/i.test(vaultId)) throw new AppError('VAULT_DAMAGED', 'The key file beside this backup has no valid vault id.');
  return new UnlockThrottle(join(folder, `vault-${vaultId.toLowerCase()}`), now);
}

/** The wait after `failures` wrong attempts: none for the first three, then 1 s doubling to 5 minutes. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(30, failures - FREE_ATTEMPTS));
}

/** One queue per vault file in this process: attempts on the same vault run one at a time. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Backoff for everything that takes a passphrase or recovery key for a vault: unlock, the current
 * passphrase at a change, a restore. Attempts run one at a time; after three wrong ones each
 * attempt must wait (1 s, doubling to 5 minutes) and is refused with how long. A right one resets.
 * The state file is read fresh at each attempt, so the app and the CLI share it.
 */
export class UnlockThrottle {
  constructor(
    private readonly vaultPath: string,
    private readonly now: () => Date,
  ) {}

  private get path(): string {
    return throttlePathFor(this.vaultPath);
  }

  private read(): ThrottleState {
    try {
      if (!existsSync(this.path)) return { failures: 0, notBefore: 0 };
      const parsed = stateSchema.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      // An unreadable or edited file counts as the worst case, not as a reset.
      return parsed.success ? parsed.data : { failures: FREE_ATTEMPTS + 9, notBefore: this.now().getTime() + MAX_DELAY_MS };
    } catch {
      return { failures: FREE_ATTEMPTS + 9, notBefore: this.now().getTime() + MAX_DELAY_MS };
    }
  }

  private write(state: ThrottleState): void {
    try {
      if (state.failures === 0) rmSync(this.path, { force: true });
      else writeFileAtomically(this.path, JSON.stringify(state));
    } catch {
      // A read-only folder must not make a right passphrase fail; the in-memory queue still serialises.
    }
  }

  /** Seconds until the next attempt is allowed (0 when it is allowed now). */
  waitSeconds(): number {
    const state = this.read();
    return Math.max(0, Math.ceil((state.notBefore - this.now().getTime()) / 1000));
  }

  /** Runs one key-taking attempt under the backoff. WRONG_PASSPHRASE counts as a failure; anything else does not. */
  attempt<T>(run: () => Promise<T>): Promise<T> {
    const key = resolve(this.vaultPath);
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(
      () => this.runOne(run),
      () => this.runOne(run),
    );
    queues.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  private async runOne<T>(run: () => Promise<T>): Promise<T> {
    const state = this.read();
    const wait = Math.ceil((state.notBefore - this.now().getTime()) / 1000);
    if (wait > 0) {
      throw new AppError('TOO_MANY_ATTEMPTS', `Too many wrong attempts. Try again in ${wait} s.`);
    }
    try {
      const result = await run();
      if (state.failures > 0) this.write({ failures: 0, notBefore: 0 });
      return result;
    } catch (error) {
      if (isAppError(error) && error.code === 'WRONG_PASSPHRASE') {
        const failures = state.failures + 1;
        this.write({ failures, notBefore: this.now().getTime() + delayAfter(failures) });
      }
      throw error;
    }
  }
}
