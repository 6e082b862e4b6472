import type { Page } from 'playwright-core';
import { ADMIN } from './server';

/** Waits until the shell's connection indicator shows `state`. */
export function waitForConnection(page: Page, state: string, timeout = 20_000) {
  return page.waitForFunction(
    (s) => document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') === s,
    state,
    { timeout },
  );
}

/** Opens `path`, is sent to the login page, signs in as the e2e admin through the form and waits to leave it. */
export async function signInThroughUi(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
