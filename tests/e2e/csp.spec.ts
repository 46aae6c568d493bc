import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './support/app-server';
import { launchChromium, openApp } from './support/browser';

let browser: Browser;
let server: AppServer;
let page: Page;

/**
 * The page's globals as these tests use them. The node tsconfig has no DOM lib (main must not
 * see browser types), so the functions evaluated in the page cast globalThis to this.
 */
interface PageGlobals {
  __injected?: boolean;
  __violations?: string[];
  document: {
    addEventListener: (type: 'securitypolicyviolation', listener: (event: { violatedDirective: string; blockedURI: string }) => void) => void;
    createElement: (tag: 'script') => { textContent: string | null };
    head: { append: (node: unknown) => void };
  };
}

beforeAll(async () => {
  browser = await launchChromium();
  server = await startAppServer();
  page = await openApp(browser, server.loginUrl);
  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  // Record every violation the page reports from here on.
  await page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    page.__violations = [];
    page.document.addEventListener('securitypolicyviolation', (event) => {
      page.__violations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.close();
});

describe('Content-Security-Policy', () => {
  it('is sent as a header on the app page', async () => {
    const response = await page.request.get(`${server.origin}/`);
    const policy = response.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  it('the Content-Security-Policy blocks inline script', async () => {
    // Playwright injects a real inline <script> element; the page's policy refuses to run it.
    await expect(page.addScriptTag({ content: 'window.__injected = true' })).rejects.toThrow(/Content Security Policy/);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__injected)).toBeUndefined();
    // The same through the DOM, as an XSS payload would do it.
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
    });
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).__violations ?? [])).toContain('script-src-elem inline');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__injected)).toBeUndefined();
  });

  it('blocks eval and new Function in the page', async () => {
    // DevTools exempts code it evaluates directly, so the attempts run from a page task
    // (setTimeout), which is where a script loaded by the page would run them.
    const outcome = await page.evaluate(
      () =>
        new Promise<{ eval: string; function: string }>((resolve) => {
          setTimeout(() => {
            const attempt = (run: () => unknown) => {
              try {
                run();
                return 'ran';
              } catch {
                return 'blocked';
              }
            };
            // eslint-disable-next-line no-eval -- the point of the test: the page's CSP must refuse this.
            resolve({ eval: attempt(() => eval('1')), function: attempt(() => new Function('return 1')()) });
          }, 0);
        }),
    );
    expect(outcome).toEqual({ eval: 'blocked', function: 'blocked' });
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).__violations ?? [])).toContain('script-src eval');
  });
});
