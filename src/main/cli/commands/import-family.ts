import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '@shared/api/errors';
import { CliError, EXIT } from '../exit-codes';
import type { CliCommand } from './command';
import { requiredString } from './options';

const MAX_FILE_BYTES = 1024 ** 3;

/** Imports a family export (families.export) into a vault as a new family: all of it or nothing. */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a family export (.zip) into a vault as a new family, all or nothing',
  synopsis: '--db PATH --file EXPORT.zip',
  details: ['--db PATH          the vault to import into', '--file EXPORT.zip  a family export written by Advocate Desk'],
  options: { db: { type: 'string' }, file: { type: 'string' } },
  async run(values, io) {
    const file = resolve(requiredString(values, 'file'));
    let bytes: Buffer;
    try {
      if (statSync(file).size > MAX_FILE_BYTES) throw new CliError('The export file is larger than 1 GB; this is not a family export.', EXIT.FAILURE);
      bytes = readFileSync(file);
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, EXIT.FAILURE);
    }
    // Loaded when the command runs, not when `help` lists the commands (CLI start-up).
    const [{ openVaultFromOptions }, { importFamily }] = await Promise.all([import('./open-vault'), import('../../services/exchange/import-family')]);
    const vault = await openVaultFromOptions(values, io);
    try {
      const result = await importFamily({ db: vault.db(), now: io.now }, bytes);
      const rows = Object.entries(result.counts)
        .filter(([, count]) => count > 0)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ');
      io.out(`Imported as family #${result.familyId}: ${rows}.`);
      return EXIT.OK;
    } catch (error) {
      if (isAppError(error)) throw new CliError(error.message, EXIT.FAILURE);
      throw error;
    } finally {
      vault.lock();
    }
  },
};
