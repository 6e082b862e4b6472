import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN } from './support/server';
import { adminToken, createMember, loginStatus } from './support/rest';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';

const AGENT = { name: 'Pablo Agente', email: 'pablo@e2e.local', password: 'pablo-password-1', role: 'agent' as const };
const SET_PASSWORD = 'pablo-password-2';

/**
 * An admin changes a member of the team while that member is signed in elsewhere: the member's
 * page follows (back to the login page) and the admin's list shows each change at once.
 */
describe('an admin manages the team', () => {
  // The agent signs in again and again from the same address: the login limit is not under test here.
  const session = useServerAndPage({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  let agentContext: BrowserContext | undefined;
  let agentPage: Page | undefined;

  const admin = () => session.page;
  const agent = () => {
    if (!agentPage) throw new Error('the agent has no page yet');
    return agentPage;
  };
  const rowOf = (email: string) => admin().locator(`[data-testid="team-row"][data-email="${email}"]`);
  const editor = () => admin().getByTestId('member-editor');

  async function agentSignsIn(password: string): Promise<void> {
    await signInThroughUi(agent(), session.server.url, '/inbox', { email: AGENT.email, password });
    await waitForConnection(agent(), 'connected');
  }
  async function openEditor(email: string): Promise<void> {
    if ((await admin().locator(`[data-testid="member-editor-row"][data-email="${email}"]`).count()) === 0) {
      await rowOf(email).getByTestId('member-edit').click();
    }
    await editor().waitFor({ timeout: 10_000 });
  }

  beforeAll(async () => {
    await createMember(session.server.url, await adminToken(session.server.url), AGENT);
    const browser = admin().context().browser();
    if (!browser) throw new Error('no browser');
    agentContext = await browser.newContext();
    agentPage = await agentContext.newPage();
  });
  afterAll(async () => {
    await agentContext?.close();
  });

  it('deactivating an agent who is signed in elsewhere sends their page to the login page, and they cannot sign in', async () => {
    await agentSignsIn(AGENT.password);
    await signInThroughUi(admin(), session.server.url, '/team');
    await admin().locator('[data-testid="live-status"][data-live="true"]').waitFor({ timeout: 15_000 });
    await rowOf(AGENT.email).and(admin().locator('[data-online="true"]')).waitFor({ timeout: 10_000 });

    await openEditor(AGENT.email);
    await editor().getByTestId('member-deactivate').click();
    // Nothing happens before the admin confirms.
    await admin().getByTestId('member-deactivate-question').waitFor();
    expect(await rowOf(AGENT.email).getAttribute('data-active')).toBe('true');
    await admin().getByTestId('member-deactivate-confirm').click();

    await rowOf(AGENT.email).and(admin().locator('[data-active="false"]')).waitFor({ timeout: 10_000 });
    expect(await rowOf(AGENT.email).getByTestId('member-inactive').innerText()).toBe('Inactive');
    expect(await admin().getByTestId('member-edit-done').innerText()).toContain('is deactivated');

    await agent().waitForURL(/\/login/, { timeout: 15_000 });
    // Gone offline as well, without the admin reloading.
    await rowOf(AGENT.email).and(admin().locator('[data-online="false"]')).waitFor({ timeout: 15_000 });

    await agent().getByTestId('login-email').fill(AGENT.email);
    await agent().getByTestId('login-password').fill(AGENT.password);
    await agent().getByTestId('login-submit').click();
    await agent()
      .getByTestId('login-error')
      .filter({ hasText: 'This account is disabled' })
      .waitFor({ timeout: 10_000 });
    expect(new URL(agent().url()).pathname).toBe('/login');
  });

  it('reactivated, the agent can sign in again', async () => {
    await openEditor(AGENT.email);
    await editor().getByTestId('member-reactivate').click();
    await rowOf(AGENT.email).and(admin().locator('[data-active="true"]')).waitFor({ timeout: 10_000 });
    expect(await rowOf(AGENT.email).getByTestId('member-inactive').count()).toBe(0);

    await agentSignsIn(AGENT.password);
    expect(new URL(agent().url()).pathname).toBe('/inbox');
  });

  it('a password the admin sets signs the agent out; the old password is refused and the new one works', async () => {
    await openEditor(AGENT.email);
    await editor().getByTestId('member-new-password').fill('short');
    await editor().getByTestId('member-set-password').click();
    expect(await editor().getByTestId('member-new-password-error').innerText()).toContain('at least 8 characters');

    await editor().getByTestId('member-new-password').fill(SET_PASSWORD);
    await editor().getByTestId('member-set-password').click();
    await admin().getByTestId('member-edit-done').filter({ hasText: 'New password set' }).waitFor({ timeout: 10_000 });
    expect(await editor().getByTestId('member-new-password').inputValue()).toBe('');

    await agent().waitForURL(/\/login/, { timeout: 15_000 });
    expect(await loginStatus(session.server.url, AGENT)).toBe(401);

    await agent().getByTestId('login-email').fill(AGENT.email);
    await agent().getByTestId('login-password').fill(AGENT.password);
    await agent().getByTestId('login-submit').click();
    await agent().getByTestId('login-error').waitFor({ timeout: 10_000 });
    expect(await agent().getByTestId('login-error').innerText()).not.toContain('disabled');

    await agentSignsIn(SET_PASSWORD);
  });

  it('a rename and a new role show in the list at once, and the role change signs the member out', async () => {
    await openEditor(AGENT.email);
    await editor().getByTestId('member-edit-name').fill('Pablo Supervisor');
    await editor().getByTestId('member-edit-role').selectOption('supervisor');
    expect(await editor().getByTestId('member-edit-role-hint').innerText()).toContain(
      'signs Pablo Agente out everywhere',
    );
    await editor().getByTestId('member-edit-save').click();

    await rowOf(AGENT.email).locator('.label').filter({ hasText: 'Pablo Supervisor' }).waitFor({ timeout: 10_000 });
    expect(await rowOf(AGENT.email).locator('.role').innerText()).toBe('Supervisor');
    expect(await admin().getByTestId('member-edit-done').innerText()).toContain('signed out everywhere');

    await agent().waitForURL(/\/login/, { timeout: 15_000 });
    // Signed in again, they have a supervisor's pages.
    await signInThroughUi(agent(), session.server.url, '/dashboard', { email: AGENT.email, password: SET_PASSWORD });
    await agent().getByTestId('nav-dashboard').waitFor({ timeout: 10_000 });
    expect(await agent().getByTestId('current-role').innerText()).toBe('Supervisor');
  });

  it('the only admin cannot lock themselves out: after a warning, the server’s refusal is shown beside Access', async () => {
    await rowOf(ADMIN.email).getByTestId('member-edit').click();
    await admin()
      .locator(`[data-testid="member-editor-row"][data-email="${ADMIN.email}"]`)
      .waitFor({ timeout: 10_000 });
    expect(await rowOf(ADMIN.email).innerText()).toContain('(you)');

    await editor().getByTestId('member-deactivate').click();
    expect(await admin().getByTestId('member-deactivate-question').innerText()).toContain('your own account');
    await admin().getByTestId('member-deactivate-confirm').click();
    const refusal = admin().getByTestId('member-access-error');
    await refusal.waitFor({ timeout: 10_000 });
    expect((await refusal.innerText()).trim()).not.toBe('');
    expect(await rowOf(ADMIN.email).getAttribute('data-active')).toBe('true');

    await editor().getByTestId('member-edit-role').selectOption('agent');
    expect(await editor().getByTestId('member-edit-self-warning').innerText()).toContain(
      'giving up your own admin role',
    );
    await editor().getByTestId('member-edit-save').click();
    await admin().getByTestId('member-demote-confirm').click();
    await admin().getByTestId('member-edit-save-error').waitFor({ timeout: 10_000 });
    expect(await rowOf(ADMIN.email).locator('.role').innerText()).toBe('Admin');

    // Still signed in and on the team page.
    await admin().reload();
    await admin().getByTestId('team-list').waitFor({ timeout: 10_000 });
    expect(new URL(admin().url()).pathname).toBe('/team');
  });

  it('the editor fits a 375 px wide screen without scrolling sideways', async () => {
    await admin().setViewportSize({ width: 375, height: 800 });
    await openEditor(AGENT.email);
    const overflow = await admin().evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
