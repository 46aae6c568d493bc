import log from 'electron-log/node';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Structured logs: one JSON object per line, in `<user data>/logs/<name>.log`, rotated at 1 MB to
 * `<name>.old.log` (electron-log's file transport). A record holds an event name, and optionally a
 * method name, an error code and numeric ids: never case data, passphrases, paths or messages.
 * That is enforced here, not left to callers: a field that does not fit is replaced.
 */
export interface LogRecord {
  /** What happened: 'app.start', 'service.exit', 'api.internal_error', 'backup.failed'... */
  event: string;
  /** A contract method name ('cases.list'). */
  method?: string;
  /** An error code ('INTERNAL', 'SQLITE_BUSY', 'ENOSPC') or an exit code. */
  code?: string | number;
  /** Record ids (case 12, job 'binder-…'): numbers or short id strings only. */
  ids?: Record<string, number | string>;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  write: (level: LogLevel, record: LogRecord) => void;
  /** The log's path, for the diagnostics. */
  file: string;
}

const TOKEN = /^[A-Za-z0-9_.:-]{1,80}$/;
export const LOG_MAX_BYTES = 1024 * 1024;

function token(value: unknown): string {
  return typeof value === 'string' && TOKEN.test(value) ? value : '[removed]';
}

/** Keeps only what a record may hold: tokens and numbers, nothing free-form. */
export function cleanRecord(record: LogRecord): LogRecord {
  const clean: LogRecord = { event: token(record.event) };
  if (record.method !== undefined) clean.method = token(record.method);
  if (record.code !== undefined) clean.code = typeof record.code === 'number' && Number.isFinite(record.code) ? record.code : token(record.code);
  if (record.ids) {
    clean.ids = {};
    for (const [key, value] of Object.entries(record.ids).slice(0, 10)) {
      clean.ids[token(key)] = typeof value === 'number' && Number.isFinite(value) ? value : token(value);
    }
  }
  return clean;
}

export function createLogger(folder: string, name: string, maxBytes = LOG_MAX_BYTES): Logger {
  const logger = log.create({ logId: `advocate-desk-${name}` });
  logger.transports.console.level = false;
  const file = join(folder, `${name}.log`);
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = maxBytes;
  logger.transports.file.format = ({ message }) => [
    JSON.stringify({ time: message.date.toISOString(), level: message.level, ...(message.data[0] as LogRecord) }),
  ];
  return {
    file,
    write: (level, record) => logger[level](cleanRecord(record)),
  };
}

/** The last lines of a log (and its rotated predecessor), for "Copy diagnostics". */
export function tailOfLog(file: string, lines = 50): string[] {
  const old = file.replace(/\.log$/, '.old.log');
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : []);
  return [...read(old), ...read(file)].slice(-lines);
}
