import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isAppError } from '@shared/api/errors';
import { formatCount } from '@shared/format';
import { CliError, EXIT } from '../exit-codes';
import type { CliCommand, OptionValues } from './command';
import { requiredString } from './options';

function caseId(values: OptionValues): number {
  const value = requiredString(values, 'case').trim();
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError('--case must be a case id (a whole number).', EXIT.USAGE);
  return Number(value);
}

async function options(values: OptionValues) {
  const { binderBuildOptions } = await import('@shared/domain/documents');
  const prefix = values.bates;
  const parsed = binderBuildOptions.safeParse({
    sections: [],
    excludedDocumentIds: [],
    bates: typeof prefix === 'string' ? { prefix, digits: 6, start: 1 } : null,
  });
  if (!parsed.success) throw new CliError(`--bates: ${parsed.error.issues[0]?.message ?? 'not a valid prefix'}`, EXIT.USAGE);
  return parsed.data;
}

/**
 * Issue 5, point 4: the same binder the app builds, headless. Written atomically (temp name in the
 * target folder, fsync, rename), so FILE is never a partial binder; an existing FILE is only
 * replaced with --force. Prints the page count on stdout (for scripts); the rest goes to stderr.
 */
export const binderCommand: CliCommand = {
  name: 'binder',
  summary: "Build a case's mediation binder as a PDF and print its page count",
  synopsis: '--db PATH --case ID --out FILE.pdf [--bates PREFIX] [--force]',
  details: [
    '--db PATH         the vault file (its key file PATH.keys must sit beside it)',
    '--case ID         the case to build the binder for',
    '--out FILE.pdf    where to write the binder',
    '--bates PREFIX    stamp Bates numbers PREFIX000001, PREFIX000002, ... on every page',
    '--force           replace FILE if it exists (refused otherwise)',
  ],
  options: { db: { type: 'string' }, case: { type: 'string' }, out: { type: 'string' }, bates: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, io) {
    const id = caseId(values);
    const out = resolve(requiredString(values, 'out'));
    const buildOptions = await options(values);
    const isForced = values.force === true;
    if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
      throw new CliError(`No folder ${dirname(out)} to write the binder into.`, EXIT.FAILURE);
    if (existsSync(out) && !isForced) throw new CliError(`${out} already exists; use --force to replace it.`, EXIT.FAILURE);
    // Loaded when the command runs, not when `help` lists the commands (CLI start-up). The binder's
    // code (pdf-lib, the fonts' parser) loads while the passphrase's key is derived off this thread.
    const { openVaultFromOptions } = await import('./open-vault');
    const loadingBinder = import('../../services/bundles/binder-service');
    loadingBinder.catch(() => undefined); // awaited below; not unhandled if the unlock fails first
    const vault = await openVaultFromOptions(values, io);
    try {
      const { saveBinder } = await loadingBinder;
      const binder = await saveBinder({ db: vault.db(), now: io.now }, id, buildOptions, out, { isOverwriteAllowed: isForced });
      io.out(String(binder.result.pageCount));
      io.err(`Wrote ${out}: ${formatCount(binder.result.pageCount, 'page')}, ${formatCount(binder.result.index.length, 'exhibit')}.`);
      for (const skipped of binder.skipped) io.err(`Skipped “${skipped.title}” (${skipped.sectionTitle}): ${skipped.reason}`);
      for (const warning of binder.warnings) io.err(`Note: ${warning}`);
      return EXIT.OK;
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') throw new CliError(`No case ${id} in this vault.`, EXIT.FAILURE);
      if (isAppError(error) && error.code === 'CONFLICT') throw new CliError(`${out} already exists; use --force to replace it.`, EXIT.FAILURE);
      if (isAppError(error)) throw new CliError(error.message, EXIT.FAILURE);
      throw error;
    } finally {
      vault.lock();
    }
  },
};
