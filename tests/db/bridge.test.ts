import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../src/main/bridge/bridge-server';
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/content-security-policy';
import { apiFor, makeTempDir, STRONG_PASSPHRASE, tempVault, type TempVault } from '../support/temp-vault';

let temp: TempVault;
let bridge: RunningBridge;
let cleanupStatic: () => void;
afterEach(async () => {
  await bridge?.close();
  temp?.cleanup();
  cleanupStatic?.();
});

async function start() {
  temp = tempVault();
  const statics = makeTempDir();
  cleanupStatic = statics.cleanup;
  mkdirSync(join(statics.dir, 'assets'));
  writeFileSync(join(statics.dir, 'index.html'), '<!doctype html><title>Advocate Desk</title>');
  bridge = await startBridge({ dispatch: apiFor(temp.vault), staticDir: statics.dir, uploadsDir: join(statics.dir, 'uploads'), maxUploadBytes: 1024 });
  const login = await fetch(bridge.loginUrl, { redirect: 'manual' });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, uploadsDir: join(statics.dir, 'uploads') };
}

function rawRequest(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 only and serves the same API as IPC once signed in with the launch token', async () => {
    const { cookie } = await start();
    expect(new URL(bridge.origin).hostname).toBe('127.0.0.1');
    const call = (method: string, input: unknown) =>
      fetch(`${bridge.origin}/api`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ method, input }),
      }).then((r) => r.json());
    expect(await call('vault.status', {})).toMatchObject({ ok: true, value: { state: 'no_vault' } });
    expect(await call('vault.create', { passphrase: STRONG_PASSPHRASE, confirmation: STRONG_PASSPHRASE })).toMatchObject({ ok: true });
    expect(await call('families.create', { name: 'Haddad family' })).toMatchObject({ ok: true, value: { name: 'Haddad family' } });
    expect(await call('families.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses requests without the session cookie, with a wrong token, or from another origin', async () => {
    const { cookie } = await start();
    const body = JSON.stringify({ method: 'vault.status', input: {} });
    expect((await fetch(`${bridge.origin}/api`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/`)).status).toBe(401);
    expect((await fetch(`${bridge.origin}/login?token=guess`, { redirect: 'manual' })).status).toBe(401);
    const crossSite = await fetch(`${bridge.origin}/api`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: 'https://evil.example' },
      body,
    });
    expect(crossSite.status).toBe(403);
    const notJson = await fetch(`${bridge.origin}/api`, { method: 'POST', headers: { 'Content-Type': 'text/plain', Cookie: cookie }, body });
    expect(notJson.status).toBe(415);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the app folder', async () => {
    const { cookie } = await start();
    expect(await rawRequest(`${bridge.origin}/`, { Host: 'evil.example', Cookie: cookie })).toBe(421);
    expect(await rawRequest(`${bridge.origin}/..%2f..%2fetc%2fpasswd`, { Cookie: cookie })).toBe(404);
    const page = await fetch(`${bridge.origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('uploads', () => {
  it('streams a file to its own owner-only file for the service to read by id, refuses one over the limit and leaves nothing of it', async () => {
    const { cookie, uploadsDir } = await start();
    const upload = (body: Buffer, withCookie = true) =>
      fetch(`${bridge.origin}/uploads`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', ...(withCookie ? { Cookie: cookie } : {}) },
        body,
      });
    expect((await upload(Buffer.from('PK zip'), false)).status).toBe(401);
    const accepted = await upload(Buffer.from('PK zip bytes'));
    expect(accepted.status).toBe(200);
    const { uploadId } = (await accepted.json()) as { uploadId: string };
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(uploadsDir, uploadId), 'utf8')).toBe('PK zip bytes');
    expect(statSync(join(uploadsDir, uploadId)).mode & 0o777).toBe(0o600);

    const tooLarge = await upload(Buffer.alloc(4096, 1)).catch(() => null);
    if (tooLarge) expect(tooLarge.status).toBe(413);
    expect(readdirSync(uploadsDir)).toEqual([uploadId]);
  });
});
