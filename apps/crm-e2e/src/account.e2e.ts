import type { BrowserContext, Page } from 'playwright-core';
import { adminToken, createMember, loginStatus, rest } from './support/rest';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';

const AGENT = { name: 'Olga Cuenta', email: 'olga@e2e.local', password: 'olga-password-1', role: 'agent' as const };
const NEW_PASSWORD = 'olga-password-2-ñ';

/** The token the app keeps for its session, as another client could reuse it. */
function storedToken(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('sb.auth');
    return raw ? ((JSON.parse(raw) as { accessToken?: string }).accessToken ?? null) : null;
  });
}

/** Waits until the server refuses `token` (a session it ended); logging out does not wait for that answer. */
async function waitUntilRefused(serverUrl: string, token: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { status } = await rest(serverUrl, 'GET', '/api/auth/me', token);
    if (status === 401) return;
    if (Date.now() > until) throw new Error(`the token still works (${status})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A staff user looks after their own account: their password, and signing out for real. */
describe('your account', () => {
  // Every test signs in several times from the same address: the login limit is not under test here.
  const session = useServerAndPage({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  let otherContext: BrowserContext | undefined;

  const page = () => session.page;

  beforeAll(async () => {
    await createMember(session.server.url, await adminToken(session.server.url), AGENT);
  });
  afterAll(async () => {
    await otherContext?.close();
  });

  it('an agent opens their account from their name in the top bar', async () => {
    await signInThroughUi(page(), session.server.url, '/inbox', AGENT);
    await waitForConnection(page(), 'connected');
    await page().getByTestId('current-user').click();
    await page().waitForURL(/\/account$/);
    expect(await page().getByTestId('account-email').innerText()).toBe(AGENT.email);
    expect(await page().getByTestId('account-role').innerText()).toBe('Agent');
    await page().getByTestId('change-password-form').waitFor();
  });

  it('a wrong current password is shown on its field, and the password stays as it was', async () => {
    await page().getByTestId('password-current').fill('not-my-password');
    await page().getByTestId('password-new').fill(NEW_PASSWORD);
    await page().getByTestId('password-confirm').fill(NEW_PASSWORD);
    await page().getByTestId('password-submit').click();

    const error = page().getByTestId('password-current-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toBe('This is not your current password.');
    expect(await page().getByTestId('password-current').getAttribute('aria-invalid')).toBe('true');
    expect(await loginStatus(session.server.url, AGENT)).toBe(200);
  });

  it('changing the password signs out the other browser, keeps this one, and only the new password works', async () => {
    const browser = page().context().browser();
    if (!browser) throw new Error('no browser');
    otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signInThroughUi(other, session.server.url, '/inbox', AGENT);
    await waitForConnection(other, 'connected');

    await page().getByTestId('password-current').fill(AGENT.password);
    await page().getByTestId('password-submit').click();
    await page().getByTestId('password-changed').filter({ hasText: 'Password changed' }).waitFor({ timeout: 10_000 });
    expect(await page().getByTestId('password-current').inputValue()).toBe('');
    expect(await page().getByTestId('password-current-error').count()).toBe(0);

    await other.waitForURL(/\/login/, { timeout: 15_000 });

    // This session goes on: a reload stays on the page, signed in and connected.
    await page().reload();
    await waitForConnection(page(), 'connected');
    expect(new URL(page().url()).pathname).toBe('/account');

    expect(await loginStatus(session.server.url, AGENT)).toBe(401);
    expect(await loginStatus(session.server.url, { email: AGENT.email, password: NEW_PASSWORD })).toBe(200);
  });

  it('logging out ends the session on the server too: its token is refused afterwards, and other tabs follow', async () => {
    const second = await page().context().newPage();
    await second.goto(`${session.server.url}/inbox`);
    await waitForConnection(second, 'connected');
    const token = await storedToken(page());
    if (!token) throw new Error('no stored session');
    expect((await rest(session.server.url, 'GET', '/api/auth/me', token)).status).toBe(200);

    await page().getByTestId('logout').click();
    await page().waitForURL(/\/login/);
    await second.waitForURL(/\/login/, { timeout: 10_000 });
    await waitUntilRefused(session.server.url, token);
    await second.close();
  });
});

/** The login page after too many attempts: how long to wait, in the user's language. */
describe('the sign-in limit', () => {
  const session = useServerAndPage({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '2' } });

  it('says how many seconds to wait once the attempts run out', async () => {
    await session.page.goto(`${session.server.url}/login`);
    await session.page.getByTestId('login-email').fill('nobody@e2e.local');
    await session.page.getByTestId('login-password').fill('not-a-password');
    const error = session.page.getByTestId('login-error');
    // The limiter may allow a burst: keep trying until it refuses, as an impatient user would.
    for (let attempt = 0; attempt < 10; attempt++) {
      await session.page.getByTestId('login-submit').click();
      await session.page.waitForFunction(
        () => {
          const button = document.querySelector<HTMLButtonElement>('[data-testid="login-submit"]');
          return !!button && !button.disabled && !!document.querySelector('[data-testid="login-error"]');
        },
        undefined,
        { timeout: 10_000 },
      );
      if (/Try again in \d+ s/.test(await error.innerText())) break;
    }
    expect(await error.innerText()).toMatch(/^Too many sign-in attempts\. Try again in \d+ s\.$/);
  });
});
