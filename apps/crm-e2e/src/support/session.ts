import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { ADMIN, startE2eServer, type E2eServer, type E2eServerOptions } from './server';

/** Waits until the shell's connection indicator shows `state`. */
export function waitForConnection(page: Page, state: string, timeout = 20_000) {
  return page.waitForFunction(
    (s) => document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') === s,
    state,
    { timeout },
  );
}

/**
 * Opens `path`, is sent to the login page, signs in through the form (as the e2e admin unless
 * `user` is given) and waits to leave it.
 */
export async function signInThroughUi(
  page: Page,
  baseUrl: string,
  path: string,
  user: { email: string; password: string } = ADMIN,
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * A product server and one browser page for a `describe` block: started in beforeAll, closed
 * in afterAll. Read `server` and `page` inside tests (they exist once beforeAll ran).
 */
export function useServerAndPage(options: E2eServerOptions = {}): { readonly server: E2eServer; readonly page: Page } {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startE2eServer(options);
    browser = await launchChromium();
    // A context of its own (not the browser's default one), so a test can open more tabs in it.
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started yet');
      return server;
    },
    get page() {
      if (!page) throw new Error('page not opened yet');
      return page;
    },
  };
}
