/**
 * Exit codes of the CLI, so scripts can tell failures apart. 64 is EX_USAGE from sysexits.h.
 */
export const EXIT = {
  OK: 0,
  /** The command could not do its job (refused to overwrite, weak passphrase, unexpected error). */
  FAILURE: 1,
  /** The vault could not be opened: wrong passphrase or recovery key, or no vault at that path. */
  CANNOT_UNLOCK: 2,
  /** The vault opened but is damaged: integrity check, broken references or audit chain. */
  DAMAGED: 3,
  /** The command line was wrong: unknown command or option, missing value, no passphrase available. */
  USAGE: 64,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports as one clear line on stderr, with its exit code; never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
