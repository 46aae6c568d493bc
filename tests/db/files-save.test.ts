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
  return dispatch;
}

describe('saving an export', () => {
  it('writes the file where the save dialog points, whole, with nothing left beside it', async () => {
    let offered = '';
    const dispatch = await apiWithDialog(async (name) => {
      offered = name;
      return join(temp.dir, 'chosen.pdf');
    });
    const bytes = Buffer.from('%PDF-1.7 binder bytes');
    const result = await dispatch('files.save', { suggestedName: 'Binder: Rivera/Sofia.pdf', base64: bytes.toString('base64'), mimeType: 'application/pdf' });
    expect(result).toEqual({ ok: true, value: { savedPath: join(temp.dir, 'chosen.pdf'), wasCancelled: false } });
    expect(offered).not.toMatch(/[/:]/);
    expect(readFileSync(join(temp.dir, 'chosen.pdf'))).toEqual(bytes);
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const dispatch = await apiWithDialog(async () => null);
    const result = await dispatch('files.save', { suggestedName: 'x.pdf', base64: 'AA==', mimeType: 'application/pdf' });
    expect(result).toEqual({ ok: true, value: { savedPath: null, wasCancelled: true } });
    expect(existsSync(join(temp.dir, 'x.pdf'))).toBe(false);
  });

  it('leaves saving to the browser where there is no dialog (the loopback bridge)', async () => {
    const dispatch = await apiWithDialog();
    const result = await dispatch('files.save', { suggestedName: 'x.pdf', base64: 'AA==', mimeType: 'application/pdf' });
    expect(result).toEqual({ ok: true, value: { savedPath: null, wasCancelled: false } });
  });
});
