import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { ADMIN, startE2eServer, type E2eServer } from './support/server';

describe('the shell in a real browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const indicator = () => page.getByTestId('connection-indicator');
  const waitForState = (state: string, timeout: number) =>
    page.waitForFunction(
      (s) => document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') === s,
      state,
      { timeout },
    );

  it('a wrong password shows the API error and keeps the user on the login page', async () => {
    await page.goto(`${server.url}/inbox`);
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await expectText(page.getByTestId('login-error'), /wrong email or password/i);
  });

  it('logs in through the UI and the connection indicator goes green', async () => {
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await waitForState('connected', 15_000);
    expect(await indicator().isVisible()).toBe(true);
  });

  it('turns red when the server stops and green again when it returns, without a reload', async () => {
    await server.stop();
    await waitForState('offline', 20_000);
    await server.start();
    await waitForState('connected', 45_000);
  });

  it('deep links load the app and a reload keeps the session', async () => {
    await page.goto(`${server.url}/dashboard`);
    await waitForState('connected', 15_000);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
  });

  it('logout returns to the login page', async () => {
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
  });
});

async function expectText(locator: ReturnType<Page['getByTestId']>, pattern: RegExp): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
  expect(await locator.innerText()).toMatch(pattern);
}
