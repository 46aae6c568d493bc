import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { VaultStatus } from '@shared/api/contract';
import { convertToCurrentCipher, openKeyed, openKeyedWithCipher, wrapOrm, type PageCipher, type Sqlite, type VaultDb } from '../db/connection';
import { workerIntegrityChecker, type IntegrityChecker } from './integrity-check';
import { applyMigrations, planMigrations } from '../db/migrate';
import { ensurePrivateDir, setTempJournal, writeFileAtomically } from '../lib/atomic-file';
import { cleanLeftovers, vaultTempJournal } from './leftovers';
import {
  createKeyEnvelope,
  DEFAULT_PBKDF2_ITERATIONS,
  matchesKeyCheck,
  parseKeyEnvelope,
  rewrapPassphrase,
  unwrapWithPassphrase,
  unwrapWithRecoveryKey,
  type KeyEnvelope,
} from './key-envelope';
import { assertStrongPassphrase, creationInputs, vaultInputs } from './passphrase-policy';
import { throttleForVaultId, UnlockThrottle } from './unlock-throttle';
import { fileShapeProblem, layoutProblem, pruneSkippedNotice, recordVaultId, schemaProblem } from './vault-checks';

export interface VaultManagerOptions {
  path: string;
  migrationsFolder: string;
  /** The demo caseload's own vault file, so the UI can say which one is open. */
  demoPath?: string;
  /** Only tests lower this, to keep suites fast; the stored slot records what was used. */
  kdfIterations?: number;
  now?: () => Date;
  nativeBinding?: string;
  /**
   * Runs the full integrity check (quick_check) after unlock, off this thread; by default a worker
   * thread started from the TypeScript source (the packaged app passes its built worker).
   */
  integrityChecker?: IntegrityChecker;
  /** When that check starts; `INTEGRITY_START` unless a test says otherwise. */
  integrityStart?: IntegrityStart;
  /** Bytes of memory free for rewriting a vault of the old cipher (os.freemem() unless a test says otherwise). */
  availableMemory?: () => number;
}

export type Unlock = { passphrase: string } | { recoveryKey: string };

export function keysPathFor(vaultPath: string): string {
  return `${vaultPath}.keys`;
}

/**
 * Written before a vault of the old cipher is rewritten with the current one, removed once that
 * is done: one left behind (a failure, a crash, the app stopped meanwhile) says not to try again.
 */
export function cipherConversionMarkerFor(vaultPath: string): string {
  return `${vaultPath}.cipher-conversion`;
}

/**
 * The background integrity check decrypts the whole file: about 2 s of a core at 2,000 families.
 * Started at unlock, it shared a two-core machine with the first screens (unlock -> dashboard
 * painted took a fifth longer, measured with the check on and off; a nice value does not hold back
 * the renderer, which the system may schedule as a group of its own). So it waits for a quiet
 * moment: no call under way and none for `quietMs` (`callStarted`, `callEnded`), and starts at the
 * latest `latestMs` after unlock whatever happens.
 */
export interface IntegrityStart {
  quietMs: number;
  latestMs: number;
}

export const INTEGRITY_START: IntegrityStart = { quietMs: 1_000, latestMs: 10_000 };

/** Memory kept free beyond twice the file's size while a vault is rewritten. */
const CONVERSION_HEADROOM_BYTES = 256 * 1024 * 1024;

/**
 * Owns the one open vault: its key file, its database handle and the lock state. Everything else
 * asks it for the database and gets LOCKED when there is none.
 */
export class VaultManager {
  private path: string;
  private readonly options: VaultManagerOptions;
  private open: { db: VaultDb; dataKey: Buffer; envelope: KeyEnvelope; needsNewPassphrase: boolean } | null = null;
  private damage: string | null = null;
  private readonly damageListeners = new Set<() => void>();
  private integrityRun: Promise<string | null> | null = null;
  /** The check of the last unlock while it waits for a quiet moment (`timer`) or runs; `stop` ends either. */
  private integrity: { isWaiting: boolean; timer: NodeJS.Timeout | null; latestAt: number; start: () => void; stop: () => void } | null = null;
  /** Calls being answered now (`callStarted`, `callEnded`): a background check does not start meanwhile. */
  private callsUnderWay = 0;

  constructor(options: VaultManagerOptions) {
    this.options = options;
    this.path = options.path;
    this.cleanUp(null);
  }

  /** Leftovers of a crash or kill (half copies, temp files): removed at start and at each unlock. */
  private cleanUp(sqlite: VaultDb['sqlite'] | null): void {
    try {
      let backupFolder: string | null = null;
      if (sqlite) {
        const row = sqlite.prepare("SELECT value FROM settings WHERE key = 'backups.settings'").get() as { value: string } | undefined;
        const folder = row ? (JSON.parse(row.value) as { folder?: unknown }).folder : null;
        backupFolder = typeof folder === 'string' ? folder : null;
      }
      cleanLeftovers(this.path, sqlite, backupFolder);
    } catch {
      // Cleaning up is best effort: a read-only folder must not stop the vault from opening.
    }
  }

  get vaultPath(): string {
    return this.path;
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private get iterations(): number {
    return this.options.kdfIterations ?? DEFAULT_PBKDF2_ITERATIONS;
  }

  status(): VaultStatus {
    const state = this.open ? 'unlocked' : this.damage ? 'damaged' : existsSync(this.path) ? 'locked' : 'no_vault';
    return {
      state,
      path: this.path,
      isDemo: this.options.demoPath !== undefined && this.path === this.options.demoPath,
      problem: this.damage,
      preMigrationCopies: state === 'damaged' ? this.preMigrationCopies() : [],
      homePath: this.options.path,
      demoPath: this.options.demoPath ?? null,
      hasDemo: this.options.demoPath !== undefined && existsSync(this.options.demoPath),
      notice: this.open ? pruneSkippedNotice(this.open.db.sqlite) : null,
      needsNewPassphrase: this.open?.needsNewPassphrase ?? false,
    };
  }

  /** The backoff for every call that takes this vault's passphrase or recovery key (restore too). */
  throttle(): UnlockThrottle {
    return new UnlockThrottle(this.path, () => this.now());
  }

  /**
   * The backoff for a restore, keyed by the BACKUP's vault id: a backup of the vault in use shares
   * that vault's counter (its passphrase is the same or an older one); any other vault's backups
   * share one counter of their own, kept beside the advocate's own vault, whichever file is open.
   */
  throttleForBackup(vaultId: string): UnlockThrottle {
    if (vaultId === this.vaultIdOnDisk()) return this.throttle();
    return throttleForVaultId(dirname(this.options.path), vaultId, () => this.now());
  }

  /** The id in the key file of the vault in use, or null when there is none to read. */
  private vaultIdOnDisk(): string | null {
    try {
      return parseKeyEnvelope(readFileSync(keysPathFor(this.path), 'utf8')).vaultId;
    } catch {
      return null;
    }
  }

  isUnlocked(): boolean {
    return this.open !== null;
  }

  /** The open database, or LOCKED. */
  db(): VaultDb {
    if (!this.open) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open.db;
  }

  /** The data key, for encrypting things stored beside the database (documents, backups). */
  dataKey(): Buffer {
    if (!this.open) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.open.dataKey;
  }

  usePath(path: string): VaultStatus {
    if (this.open) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before switching to another one.');
    this.path = path;
    this.damage = null;
    return this.status();
  }

  /** `extraInputs`: words a guesser would know that the app cannot see (the advocate's name). */
  async create(passphrase: string, extraInputs: readonly string[] = []): Promise<{ recoveryKey: string }> {
    if (this.open) throw new AppError('VAULT_UNLOCKED', 'Lock the open vault before creating another one.');
    // The demo vault holds synthetic families only: any passphrase will do there.
    const isDemo = this.options.demoPath !== undefined && this.path === this.options.demoPath;
    if (!isDemo) await assertStrongPassphrase(passphrase, [...creationInputs(this.path), ...extraInputs]);
    else if (passphrase.length === 0)
      throw new AppError('WEAK_PASSPHRASE', 'Choose a passphrase for the demo caseload.', { passphrase: 'Choose a passphrase' });
    const keysPath = keysPathFor(this.path);
    if (existsSync(this.path) || existsSync(keysPath)) {
      throw new AppError('VAULT_EXISTS', 'A vault already exists at this location. Unlock it, or choose another file.');
    }
    ensurePrivateDir(dirname(this.path));
    const { envelope, dataKey, recoveryKey } = await createKeyEnvelope(passphrase, this.now(), this.iterations);
    // Key file first: a database whose key was never written down would be unreadable forever.
    writeFileAtomically(keysPath, JSON.stringify(envelope, null, 2));
    let sqlite;
    try {
      sqlite = openKeyed(this.path, dataKey, { create: true, nativeBinding: this.options.nativeBinding });
      // Owner-only; SQLite gives the -wal and -shm files the same mode as the database.
      chmodSync(this.path, 0o600);
      applyMigrations(sqlite, this.options.migrationsFolder);
      recordVaultId(sqlite, envelope.vaultId);
    } catch (error) {
      sqlite?.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${this.path}${suffix}`, { force: true });
      rmSync(keysPath, { force: true });
      dataKey.fill(0);
      throw error;
    }
    this.damage = null;
    this.open = { db: wrapOrm(sqlite), dataKey, envelope, needsNewPassphrase: false };
    return { recoveryKey };
  }

  private readEnvelope(): KeyEnvelope {
    if (!existsSync(this.path)) {
      throw new AppError('VAULT_NOT_FOUND', 'There is no vault at this location. Create one, or choose another file.');
    }
    const keysPath = keysPathFor(this.path);
    if (!existsSync(keysPath)) {
      throw new AppError(
        'VAULT_DAMAGED',
        `The key file that belongs beside this vault (${basename(keysPath)}) is missing. Restore it from the same backup as the vault.`,
      );
    }
    return parseKeyEnvelope(readFileSync(keysPath, 'utf8'));
  }

  async unlock(secret: Unlock): Promise<VaultStatus> {
    if (this.open) return this.status();
    const envelope = this.readEnvelope();
    // Nothing on disk is touched until the key is proven right. Guesses wait their turn (backoff).
    const dataKey = await this.throttle().attempt(() =>
      'passphrase' in secret ? unwrapWithPassphrase(envelope, secret.passphrase) : unwrapWithRecoveryKey(envelope, secret.recoveryKey),
    );
    if (this.open) {
      // Another attempt unlocked it while this one waited.
      dataKey.fill(0);
      return this.status();
    }
    // The key file's AES-GCM tag proved this key: from here on, a file that does not open is damaged.
    const status = this.openWithDataKey(envelope, dataKey, true);
    // The recovery key is for a forgotten passphrase: the app asks for a new one before anything else.
    return 'recoveryKey' in secret ? this.askForNewPassphrase(status) : status;
  }

  /**
   * Opens with a data key kept by the operating system's keyring ("remember on this device").
   * The key is checked by the same probe as any other; a wrong one is refused and changes nothing.
   */
  unlockWithDataKey(dataKey: Buffer): VaultStatus {
    if (this.open) return this.status();
    const envelope = this.readEnvelope();
    const key = Buffer.from(dataKey);
    const matches = matchesKeyCheck(envelope, key);
    if (matches === false) {
      key.fill(0);
      throw new AppError('WRONG_PASSPHRASE', 'The key kept on this device no longer opens this vault. Unlock with the passphrase.');
    }
    return this.openWithDataKey(envelope, key, matches === true);
  }

  private refuseAsDamaged(problem: string, sqlite: VaultDb['sqlite'] | null, dataKey: Buffer): VaultStatus {
    sqlite?.close();
    dataKey.fill(0);
    this.damage = problem;
    return this.status();
  }

  /**
   * Opens the file with a data key. `isKeyProven`: the key file (or its key check) vouched for the
   * key, so SQLite's "file is not a database" can only mean the file is damaged or foreign. Every
   * check before the migrations only reads: a refused file is left exactly as it was.
   */
  private openWithDataKey(envelope: KeyEnvelope, dataKey: Buffer, isKeyProven: boolean): VaultStatus {
    const shape = fileShapeProblem(this.path);
    if (shape) return this.refuseAsDamaged(shape, null, dataKey);
    let sqlite;
    let cipher: PageCipher;
    try {
      ({ sqlite, cipher } = openKeyedWithCipher(this.path, dataKey, { create: false, nativeBinding: this.options.nativeBinding }));
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? (error as { code: unknown }).code : null;
      if (code === 'SQLITE_NOTADB' && !isKeyProven) {
        dataKey.fill(0);
        throw new AppError('WRONG_PASSPHRASE', 'The key kept on this device no longer opens this vault. Unlock with the passphrase.');
      }
      const detail = error instanceof Error ? error.message : 'unknown error';
      return this.refuseAsDamaged(
        code === 'SQLITE_NOTADB'
          ? `The key is right, but the vault file does not read as this vault (${detail}): it is damaged, truncated or was replaced by another file. Nothing was changed. Restore the vault from a backup with its key file.`
          : `The vault file is damaged and could not be read (${detail}). Nothing was changed. Restore the vault from a backup with its key file.`,
        null,
        dataKey,
      );
    }
    // The cheap checks only (file shape above, layout, schema, vault id): the full integrity
    // check decrypts every page and runs in the background once the vault is open.
    const problem = layoutProblem(sqlite, this.path) ?? schemaProblem(sqlite, envelope.vaultId);
    if (problem) return this.refuseAsDamaged(problem, sqlite, dataKey);
    try {
      const plan = planMigrations(sqlite, this.options.migrationsFolder);
      const convertsCipher = cipher === 'legacy' && this.mayConvertCipher();
      const needsCopy = convertsCipher || (plan.pending > 0 && plan.hasExistingSchema);
      if (needsCopy) this.copyBeforeMigration(sqlite);
      // Once per vault written before AEGIS-256: every page rewritten with the current cipher.
      if (convertsCipher) sqlite = this.convertCipher(sqlite, dataKey);
      if (plan.pending > 0) applyMigrations(sqlite, this.options.migrationsFolder);
      // A vault made before the id was stored adopts its key file's id once.
      recordVaultId(sqlite, envelope.vaultId);
    } catch (error) {
      sqlite.close();
      dataKey.fill(0);
      this.damage = `Updating the vault to this version failed (${error instanceof Error ? error.message : 'unknown error'}). Your data is unchanged in the copy taken before the update.`;
      return this.status();
    }
    this.damage = null;
    this.open = { db: wrapOrm(sqlite), dataKey, envelope, needsNewPassphrase: false };
    this.cleanUp(sqlite);
    setTempJournal(vaultTempJournal(sqlite));
    this.checkIntegrityInBackground();
    return this.status();
  }

  /** Called when the background integrity check finds damage (the vault is locked by then). */
  onDamaged(listener: () => void): () => void {
    this.damageListeners.add(listener);
    return () => this.damageListeners.delete(listener);
  }

  /** The integrity check of the last unlock (started or still waiting): 'ok', the problems, or null when it could not run. */
  integrityCheck(): Promise<string | null> | null {
    return this.integrityRun;
  }

  /**
   * quick_check over every page, in a worker with its own connection, once the vault is open and
   * calls have gone quiet (`IntegrityStart`). Damage locks the vault and shows the recovery screen
   * (state 'damaged', `vault.changed`); the file is left exactly as it is. Locking cancels a check that
   * waits, and stops waiting for one that runs (its thread finishes its pass, zeroes its copy of the
   * key and is ended; its answer is not acted on). A check that could not run, or was stopped so,
   * is not damage (null).
   */
  private checkIntegrityInBackground(): void {
    const open = this.open;
    if (!open) return;
    this.integrity?.stop();
    const { latestMs } = this.options.integrityStart ?? INTEGRITY_START;
    let settle: (result: string | null) => void = () => undefined;
    this.integrityRun = new Promise((resolve) => (settle = resolve));
    const running = new AbortController();
    const integrity = {
      isWaiting: true,
      timer: null as NodeJS.Timeout | null,
      latestAt: performance.now() + latestMs,
      start: () => {
        integrity.isWaiting = false;
        integrity.timer = null;
        const checker = this.options.integrityChecker ?? workerIntegrityChecker(undefined, this.options.nativeBinding);
        let run: Promise<string | null>;
        try {
          run = checker(this.path, open.dataKey, running.signal);
        } catch {
          // Started from a timer: a checker that throws must not take the process down. Not damage.
          return integrity.stop();
        }
        run.then(
          (result) => {
            if (running.signal.aborted) return;
            this.integrity = null;
            settle(result);
            if (result !== null && result !== 'ok' && this.open === open) {
              this.lock();
              this.damage = `The integrity check found problems: ${result}`;
              for (const listener of this.damageListeners) listener();
            }
          },
          () => integrity.stop(),
        );
      },
      stop: () => {
        if (integrity.timer) clearTimeout(integrity.timer);
        running.abort();
        if (this.integrity === integrity) this.integrity = null;
        settle(null);
      },
    };
    this.integrity = integrity;
    this.scheduleIntegrity();
  }

  /** A call came in: a background check not started yet waits for it to be answered. */
  callStarted(): void {
    this.callsUnderWay += 1;
    this.scheduleIntegrity();
  }

  /** A call was answered: with none under way, a check not started yet starts `quietMs` later. */
  callEnded(): void {
    this.callsUnderWay = Math.max(0, this.callsUnderWay - 1);
    this.scheduleIntegrity();
  }

  /** (Re)arms a waiting check's start: a quiet moment from now, or its latest start while calls are under way. */
  private scheduleIntegrity(): void {
    const integrity = this.integrity;
    if (!integrity?.isWaiting) return;
    if (integrity.timer) clearTimeout(integrity.timer);
    const { quietMs } = this.options.integrityStart ?? INTEGRITY_START;
    const untilLatest = integrity.latestAt - performance.now();
    const wait = this.callsUnderWay > 0 ? untilLatest : Math.min(quietMs, untilLatest);
    integrity.timer = setTimeout(integrity.start, Math.max(0, wait)).unref();
  }

  /**
   * Whether a vault of the old cipher is rewritten now. SQLite rebuilds the whole file for it in
   * memory (temporary data stays in memory: the cipher does not cover temporary files), so only
   * when about twice the file's size is free; and never after an attempt that did not finish. A
   * vault left in the old cipher opens and works as before, a little slower to open.
   */
  private mayConvertCipher(): boolean {
    if (existsSync(cipherConversionMarkerFor(this.path))) return false;
    const available = this.options.availableMemory ? this.options.availableMemory() : freemem();
    return available >= 2 * statSync(this.path).size + CONVERSION_HEADROOM_BYTES;
  }

  /**
   * Rewrites every page with the current cipher in one transaction. When that fails (memory, disk),
   * SQLite rolls it back and the file is the vault it was: it is opened again as such, never
   * refused as damaged, and the marker left behind keeps later unlocks from trying again.
   */
  private convertCipher(sqlite: Sqlite, dataKey: Buffer): Sqlite {
    const marker = cipherConversionMarkerFor(this.path);
    writeFileSync(marker, `${this.now().toISOString()} started\n`, { mode: 0o600 });
    try {
      convertToCurrentCipher(sqlite, dataKey);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'unknown';
      writeFileSync(marker, `${this.now().toISOString()} failed: ${code}\n`, { mode: 0o600 });
      sqlite.close();
      return openKeyed(this.path, dataKey, { create: false, nativeBinding: this.options.nativeBinding });
    }
    rmSync(marker, { force: true });
    return sqlite;
  }

  /**
   * An encrypted copy (same key) before any schema change; VACUUM INTO, never serialize(). Written
   * under a temporary name, owner-only, and renamed only when complete (its key file first), so a
   * copy killed half-way never carries the name the recovery screen offers; the temp is removed
   * at the next start.
   */
  private copyBeforeMigration(sqlite: VaultDb['sqlite']): string {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const copy = join(dirname(this.path), `${basename(this.path)}.before-migration-${stamp}`);
    const temp = join(dirname(this.path), `.${basename(copy)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      sqlite.prepare('VACUUM INTO ?').run(temp);
      chmodSync(temp, 0o600);
      writeFileAtomically(keysPathFor(copy), readFileSync(keysPathFor(this.path)));
      renameSync(temp, copy);
    } catch (error) {
      rmSync(temp, { force: true });
      rmSync(keysPathFor(copy), { force: true });
      throw error;
    }
    return copy;
  }

  preMigrationCopies(): string[] {
    const folder = dirname(this.path);
    const prefix = `${basename(this.path)}.before-migration-`;
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((name) => name.startsWith(prefix) && !name.endsWith('.keys'))
      .map((name) => join(folder, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  }

  lock(): VaultStatus {
    this.integrity?.stop();
    if (this.open) setTempJournal(null);
    if (this.open) {
      try {
        this.open.db.sqlite.close();
      } finally {
        this.open.dataKey.fill(0);
        this.open = null;
      }
    }
    return this.status();
  }

  private askForNewPassphrase(status: VaultStatus): VaultStatus {
    if (!this.open) return status;
    this.open.needsNewPassphrase = true;
    return this.status();
  }

  /**
   * Sets a new passphrase without the old one, only in a session the recovery key opened (the
   * recovery key has just proven the right to the data key). Same strength rules as a change.
   */
  async setNewPassphrase(next: string): Promise<VaultStatus> {
    const open = this.open;
    if (!open) throw new AppError('LOCKED', 'Unlock the vault before setting its passphrase.');
    if (!open.needsNewPassphrase) {
      throw new AppError(
        'FORBIDDEN',
        'A new passphrase without the current one can only be set right after unlocking with the recovery key. Use Change passphrase.',
      );
    }
    const path = this.path;
    // Taken now: after the awaits below the session may be gone (see writePassphraseSlot).
    const inputs = [...creationInputs(path), ...vaultInputs(open.db.sqlite)];
    await this.writePassphraseSlot(open, path, this.readEnvelope(), next, inputs);
    open.needsNewPassphrase = false;
    return this.status();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const open = this.open;
    if (!open) throw new AppError('LOCKED', 'Unlock the vault before changing its passphrase.');
    const path = this.path;
    // Taken now: after the awaits below the session may be gone (see writePassphraseSlot).
    const inputs = [...creationInputs(path), ...vaultInputs(open.db.sqlite)];
    // Prove the current passphrase against the file on disk, not just the open session.
    const onDisk = this.readEnvelope();
    const proven = await this.throttle().attempt(() => unwrapWithPassphrase(onDisk, current));
    proven.fill(0);
    await this.writePassphraseSlot(open, path, onDisk, next, inputs);
  }

  /**
   * Writes `onDisk` with its passphrase slot wrapping the session's data key for `next`. Deriving
   * the keys takes a while; only if the same session is still open when they are ready is the file
   * written. A lock meanwhile (the idle lock, the Lock button) wipes the session's key, and a switch
   * to another vault changes the path: either would have written a slot that opens nothing, or this
   * vault's keys over the other's. The passphrase is then left as it was, with LOCKED.
   */
  private async writePassphraseSlot(open: NonNullable<VaultManager['open']>, path: string, onDisk: KeyEnvelope, next: string, inputs: string[]): Promise<void> {
    await assertStrongPassphrase(next, inputs);
    const envelope = await rewrapPassphrase(onDisk, open.dataKey, next, this.now(), this.iterations);
    if (this.open !== open || this.path !== path) {
      throw new AppError('LOCKED', 'The vault was locked before the new passphrase was saved, so the passphrase is unchanged. Unlock it and try again.');
    }
    writeFileAtomically(keysPathFor(path), JSON.stringify(envelope, null, 2));
    open.envelope = envelope;
  }
}
