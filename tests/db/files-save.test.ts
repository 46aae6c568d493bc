import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/api/create-api';
import { STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

let temp: TempVault;
afterEach(() => temp?.cleanup());

async function apiWithDialog(choose?: (name: string) => Promise<string | null>) {
  temp = tempVault();
  const dispatch = createApi({
    vault: temp.vault,
    now: () => new Date('2026-11-23T10:00:00Z'),
    demoPath: `${temp.path}.demo`,
    ...(choose ? { chooseSavePath: choose } : {}),
  });
  await dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  await dispatch('families.create', { name: 'Okafor family' });
  return dispatch;
}

const report = { method: 'time.exportCsv', input: { familyId: 1, from: '2026-11-01', to: '2026-11-30' } } as const;

describe('saving an export', () => {
  it('writes the export where the save dialog points, whole, with nothing left beside it; its bytes never reach the caller', async () => {
    let offered = '';
    const dispatch = await apiWithDialog(async (name) => {
      offered = name;
      return join(temp.dir, 'chosen.csv');
    });
    const result = await dispatch('files.exportTo', report);
    expect(result).toMatchObject({ ok: true, value: { savedPath: join(temp.dir, 'chosen.csv'), wasCancelled: false } });
    expect(JSON.stringify(result)).not.toMatch(/base64|"text"/);
    expect(offered).not.toMatch(/[/:]/);
    expect(readFileSync(join(temp.dir, 'chosen.csv'), 'utf8')).toMatch(/\w/);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const dispatch = await apiWithDialog(async () => null);
    expect(await dispatch('files.exportTo', report)).toMatchObject({ ok: true, value: { savedPath: null, wasCancelled: true } });
    expect(existsSync(join(temp.dir, 'chosen.csv'))).toBe(false);
  });

  it('reports a save that fails (a folder that does not exist) instead of dropping it', async () => {
    const dispatch = await apiWithDialog(async () => join(temp.dir, 'gone', 'chosen.csv'));
    expect(await dispatch('files.exportTo', report)).toMatchObject({ ok: false, error: { code: 'FILE_WRITE_FAILED' } });
  });

  it('validates the inner export like any call, and runs only the export methods', async () => {
    const dispatch = await apiWithDialog(async () => join(temp.dir, 'chosen.csv'));
    expect(await dispatch('files.exportTo', { method: 'time.exportCsv', input: { from: 'soon' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dispatch('files.exportTo', { method: 'vault.lock', input: {} })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses where nothing can choose a path (the command line)', async () => {
    const dispatch = await apiWithDialog();
    expect(await dispatch('files.exportTo', report)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
