import type { BrowserContext, Page } from 'playwright-core';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';

const AGENT = { name: 'Tomás Nuevo', email: 'tomas@e2e.local', password: 'tomas-password-1' };

/** An admin sets up a new team member from the product, and sees them come online. */
describe('the team page', () => {
  const session = useServerAndPage();
  let agentContext: BrowserContext | undefined;

  const admin = () => session.page;
  const rowOf = (page: Page, email: string) => page.locator(`[data-testid="team-row"][data-email="${email}"]`);
  async function addMember(page: Page, member: { name: string; email: string; password: string }): Promise<void> {
    await page.getByTestId('member-name').fill(member.name);
    await page.getByTestId('member-email').fill(member.email);
    await page.getByTestId('member-role').selectOption('agent');
    await page.getByTestId('member-password').fill(member.password);
    await page.getByTestId('member-submit').click();
  }

  afterAll(async () => {
    await agentContext?.close();
  });

  it('the admin opens Team from the nav and adds an agent, who is listed as offline', async () => {
    await signInThroughUi(admin(), session.server.url, '/inbox');
    await waitForConnection(admin(), 'connected');
    await admin().getByTestId('nav-team').click();
    await admin().waitForURL(/\/team$/);
    await admin().locator('[data-testid="live-status"][data-live="true"]').waitFor();

    await addMember(admin(), AGENT);

    const row = rowOf(admin(), AGENT.email);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain(AGENT.name);
    expect(await row.getAttribute('data-online')).toBe('false');
    expect(await admin().getByTestId('member-added').innerText()).toContain(AGENT.name);
    expect(await admin().getByTestId('member-email').inputValue()).toBe('');
  });

  it('the new agent signs in through the login page and the admin sees them online without a reload', async () => {
    const browser = admin().context().browser();
    if (!browser) throw new Error('no browser');
    agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    await signInThroughUi(agent, session.server.url, '/inbox', AGENT);
    await agent.waitForURL(/\/inbox/);
    await waitForConnection(agent, 'connected');

    await rowOf(admin(), AGENT.email).and(admin().locator('[data-online="true"]')).waitFor({ timeout: 10_000 });
    expect(await rowOf(admin(), AGENT.email).getByTestId('team-presence').innerText()).toContain('Online');
  });

  it('adding the same email again shows the duplicate on the email field', async () => {
    await addMember(admin(), { ...AGENT, name: 'Otro Tomás' });
    const error = admin().getByTestId('member-email-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.innerText()).toMatch(/already uses this email/i);
    expect(await admin().getByTestId('member-email').getAttribute('aria-invalid')).toBe('true');
    expect(await admin().locator('[data-testid="team-row"]', { hasText: 'Otro Tomás' }).count()).toBe(0);
  });

  it('fits a 375 px wide screen without scrolling sideways', async () => {
    await admin().setViewportSize({ width: 375, height: 800 });
    await admin().getByTestId('team-list').waitFor();
    const overflow = await admin().evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
