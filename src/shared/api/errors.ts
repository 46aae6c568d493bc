/**
 * Error codes that cross the main/renderer boundary. Every failed call carries exactly one of
 * these plus a message written for the advocate (never a stack trace, never case data in logs).
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'WRONG_PASSPHRASE',
  /** Wrong passphrases in a row: the next attempt must wait (the message says how long). */
  'TOO_MANY_ATTEMPTS',
  'WEAK_PASSPHRASE',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_DAMAGED',
  'VAULT_UNLOCKED',
  'FORBIDDEN',
  /** A file could not be written where the advocate chose (disk full, read-only folder): nothing was left there. */
  'FILE_WRITE_FAILED',
  /** A file is larger than its kind allows (src/shared/api/file-limits.ts). */
  'FILE_TOO_LARGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for forms: path like 'student.dateOfBirth' → message. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside main; converted to `{ok:false}` once, at the IPC/bridge edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
