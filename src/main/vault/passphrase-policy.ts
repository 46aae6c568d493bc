import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { AppError } from '@shared/api/errors';
import type { Sqlite } from '../db/connection';

/**
 * Main enforces the same rule the form shows, so a modified renderer cannot weaken it. The rating's
 * word lists (zxcvbn's dictionaries, over 100 ms to load) are loaded the first time a passphrase
 * is set, not by every process that only opens a vault (the service process, each CLI command).
 */
export async function assertStrongPassphrase(passphrase: string, userInputs: readonly string[] = []): Promise<void> {
  const { ratePassphrase } = await import('@shared/passphrase');
  const rating = ratePassphrase(passphrase, userInputs);
  if (!rating.isAcceptable) {
    const message = `${rating.feedback || 'Choose a longer passphrase.'} It could be guessed in about ${rating.crackTime}.`.trim();
    throw new AppError('WEAK_PASSPHRASE', message, { passphrase: message });
  }
}

/** What a guesser knows before opening anything: the computer's user and the vault file's name. */
export function creationInputs(vaultPath: string): string[] {
  const inputs = [basename(vaultPath).replace(/\.[^.]*$/, ''), basename(vaultPath)];
  try {
    const user = userInfo();
    inputs.push(user.username);
  } catch {
    // No user database entry (a container): nothing to add.
  }
  return inputs;
}

function column(sqlite: Sqlite, sql: string): string[] {
  try {
    return (sqlite.prepare(sql).pluck().all() as unknown[]).filter((value): value is string => typeof value === 'string');
  } catch {
    return [];
  }
}

/**
 * At a passphrase change the vault is open, so the names in it count too: every family, student
 * and district, and the advocate's own name from the profile (a passphrase built from a client's
 * name is the first thing someone who knows the caseload tries).
 */
export function vaultInputs(sqlite: Sqlite): string[] {
  const profile = column(sqlite, "SELECT value FROM settings WHERE key = 'advocate.profile'")
    .map((value) => {
      try {
        const parsed = JSON.parse(value) as { name?: unknown; organization?: unknown };
        return [parsed.name, parsed.organization].filter((item): item is string => typeof item === 'string');
      } catch {
        return [];
      }
    })
    .flat();
  return [
    ...profile,
    ...column(sqlite, 'SELECT name FROM families LIMIT 2000'),
    ...column(sqlite, 'SELECT first_name FROM students LIMIT 2000'),
    ...column(sqlite, 'SELECT last_name FROM students LIMIT 2000'),
    ...column(sqlite, 'SELECT name FROM districts LIMIT 500'),
  ];
}
