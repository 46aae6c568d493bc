import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract } from '../../src/shared/api/contract';
import { isTrustedSender } from '../../src/main/api/sender';
import { apiFor, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

let temp: TempVault;
afterEach(() => temp?.cleanup());

async function unlockedApi() {
  temp = tempVault();
  const dispatch = apiFor(temp.vault);
  const created = await dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE });
  expect(created.ok).toBe(true);
  return dispatch;
}

describe('API boundary', () => {
  it('rejects malformed input to every method with a typed VALIDATION error and a message', async () => {
    const dispatch = await unlockedApi();
    for (const method of METHOD_NAMES) {
      for (const garbage of [42, 'text', [1, 2], { id: 'seven', caseId: -1, fields: 3, passphrase: 9, path: 5, bogus: true }]) {
        const result = await dispatch(method, garbage);
        expect(result, `${method} with ${JSON.stringify(garbage)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', message: expect.stringMatching(/\w/) },
        });
      }
    }
  });

  it('names the field that is wrong, in words a person understands', async () => {
    const dispatch = await unlockedApi();
    const family = await dispatch('families.create', { name: 'Okafor family' });
    expect(family.ok).toBe(true);
    const badDate = await dispatch('families.update', { id: 1, fields: { name: 'Okafor family', engagedOn: '2026-02-30' } });
    expect(badDate).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'fields.engagedOn': expect.stringMatching(/real date/) } } });
    const blankName = await dispatch('families.create', { name: '   ' });
    expect(blankName).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { name: 'Family name is required' } } });
  });

  it('refuses an unknown method name', async () => {
    const dispatch = await unlockedApi();
    for (const method of ['cases.drop', '__proto__', 'constructor', 42, null]) {
      expect(await dispatch(method, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('refuses every data method while the vault is locked, and allows the vault methods', async () => {
    const dispatch = await unlockedApi();
    await dispatch('vault.lock', {});
    for (const method of METHOD_NAMES) {
      if (!contract[method].requiresUnlocked) continue;
      expect(await dispatch(method, { id: 1 })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    }
    expect(await dispatch('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
  });

  it('reports missing records as NOT_FOUND', async () => {
    const dispatch = await unlockedApi();
    expect(await dispatch('cases.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch('events.create', { caseId: 999, fields: { occurredOn: '2026-01-05', type: 'email', title: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('turns unexpected failures into a generic INTERNAL message without details, and reports only the method name', async () => {
    temp = tempVault();
    const internal: { method: string; error: unknown }[] = [];
    const dispatch = apiFor(temp.vault, { onInternalError: (method, error) => internal.push({ method, error }) });
    expect((await dispatch('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE })).ok).toBe(true);
    // A real case, so the call gets past its NOT_FOUND check and fails inside SQLite.
    const sqlite = temp.vault.db().sqlite;
    const family = Number(sqlite.prepare("INSERT INTO families (name) VALUES ('Internal family')").run().lastInsertRowid);
    const student = Number(sqlite.prepare("INSERT INTO students (family_id, first_name, last_name) VALUES (?, 'A', 'B')").run(family).lastInsertRowid);
    const caseId = Number(
      sqlite.prepare("INSERT INTO cases (student_id, title, opened_on) VALUES (?, 'Internal case', '2026-01-01')").run(student).lastInsertRowid,
    );
    expect(await dispatch('events.list', { caseId })).toMatchObject({ ok: true });

    sqlite.exec('DROP TABLE events');
    const result = await dispatch('events.list', { caseId });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/went wrong/) } });
    if (!result.ok) expect(result.error.message).not.toMatch(/sqlite|no such table|events/i);
    expect(internal.map((entry) => entry.method)).toEqual(['events.list']);
    expect(String(internal[0]?.error)).toMatch(/no such table/);
  });
});

describe('IPC sender check', () => {
  const trusted = ['app://renderer'];
  it("accepts the app's own top-level page", () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html#/cases/3', isMainFrame: true }, trusted)).toBe(true);
  });
  it('rejects a foreign frame: another origin, an iframe, file URLs and garbage', () => {
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'app://renderer.evil/', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ url: '', isMainFrame: true }, trusted)).toBe(false);
  });
});
