import type { Page } from 'playwright-core';
import { useServerAndPage, waitForConnection } from './support/session';
import { ADMIN } from './support/server';

describe('the shell in a real browser', () => {
  const session = useServerAndPage();

  const indicator = () => session.page.getByTestId('connection-indicator');

  it('a wrong password shows the API error and keeps the user on the login page', async () => {
    await session.page.goto(`${session.server.url}/inbox`);
    await session.page.waitForURL(/\/login/);
    await session.page.getByTestId('login-email').fill(ADMIN.email);
    await session.page.getByTestId('login-password').fill('not-the-password');
    await session.page.getByTestId('login-submit').click();
    await expectText(session.page.getByTestId('login-error'), /wrong email or password/i);
  });

  it('logs in through the UI and the connection indicator goes green', async () => {
    await session.page.getByTestId('login-password').fill(ADMIN.password);
    await session.page.getByTestId('login-submit').click();
    await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await waitForConnection(session.page, 'connected', 15_000);
    expect(await indicator().isVisible()).toBe(true);
  });

  it('turns red when the server stops and green again when it returns, without a reload', async () => {
    await session.server.stop();
    await waitForConnection(session.page, 'offline', 20_000);
    await session.server.start();
    await waitForConnection(session.page, 'connected', 45_000);
  });

  it('deep links load the app and a reload keeps the session', async () => {
    await session.page.goto(`${session.server.url}/dashboard`);
    await waitForConnection(session.page, 'connected', 15_000);
    expect(new URL(session.page.url()).pathname).toBe('/dashboard');
  });

  it('logout returns to the login page', async () => {
    await session.page.getByTestId('logout').click();
    await session.page.waitForURL(/\/login/);
  });
});

async function expectText(locator: ReturnType<Page['getByTestId']>, pattern: RegExp): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
  expect(await locator.innerText()).toMatch(pattern);
}
