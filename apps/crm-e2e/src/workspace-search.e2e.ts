import type { Browser, Page } from 'playwright-core';
import { screenshots } from './support/artifacts';
import { launchChromium } from './support/browser';
import { adminToken, createMember, rest } from './support/rest';
import { startE2eServer, type E2eServer } from './support/server';
import { signInThroughUi, waitForConnection } from './support/session';
import { customerSays, startWidgetCustomer } from './support/widget-customer';

const ALBA = { name: 'Alba Agente', email: 'alba@e2e.local', password: 'alba-password-1' };
const BRUNO = { name: 'Bruno Agente', email: 'bruno@e2e.local', password: 'bruno-password-1' };
/** The hit and the 25 after it, then a gap, then the latest 50: the hit is far from the latest messages. */
const MESSAGES = 120;
const HIT_SEQ = 5;

/**
 * The inbox search: what it finds, grouped, with what matched marked; a message found opens its
 * conversation there, far from the latest messages; and an agent finds nothing of another
 * agent's conversations.
 */
describe('searching the inbox', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let agent: Page;
  let longConversation = '';
  let brunosConversation = '';
  let unassignedConversation = '';

  const focusedMessage = (page: Page) => page.locator('[data-testid="message"][data-focused="true"]');
  const messageText = (page: Page, text: string) =>
    page.getByTestId('message-text').filter({ hasText: new RegExp(`^${text}$`) });

  beforeAll(async () => {
    // The stage writes 120 messages in a few seconds: more than one customer's rate limit allows.
    server = await startE2eServer({ env: { RATE_LIMIT_MESSAGES_PER_SECOND: '1000' } });
    browser = await launchChromium();
    admin = await (await browser.newContext()).newPage();
    agent = await (await browser.newContext()).newPage();
    const token = await adminToken(server.url);
    await createMember(server.url, token, { ...ALBA, role: 'agent' });
    const brunoId = await createMember(server.url, token, { ...BRUNO, role: 'agent' });

    const irene = await startWidgetCustomer(server.url, 'Irene Iglesias');
    longConversation = irene.conversationId;
    for (let seq = 1; seq <= MESSAGES; seq++) {
      await customerSays(
        server.url,
        irene,
        seq === HIT_SEQ ? '¿Dónde están mis zanahorias moradas?' : `mensaje ${seq}`,
      );
    }

    const berta = await startWidgetCustomer(server.url, 'Berta Bruno');
    brunosConversation = berta.conversationId;
    await customerSays(server.url, berta, 'Tengo una berenjena rota');
    expect(
      (await rest(server.url, 'POST', `/api/conversations/${brunosConversation}/assign`, token, { agentId: brunoId }))
        .status,
    ).toBe(200);

    const ulises = await startWidgetCustomer(server.url, 'Ulises Uría');
    unassignedConversation = ulises.conversationId;
    await customerSays(server.url, ulises, 'Otra berenjena, también rota');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('`/` goes to the search box; a message found opens its conversation at that message, marked, far from the latest', async () => {
    await admin.setViewportSize({ width: 1280, height: 800 });
    await signInThroughUi(admin, server.url, '/inbox');
    await waitForConnection(admin, 'connected');
    await admin.getByTestId('conversation-item').first().waitFor();

    await admin.keyboard.press('/');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('inbox-search-input');
    await admin.keyboard.type('zanahorias');
    const hit = admin.getByTestId('search-message');
    await hit.waitFor();
    expect(await hit.count()).toBe(1);
    expect(await hit.innerText()).toContain('Irene Iglesias');
    expect(await hit.locator('mark').allInnerTexts()).toEqual(['zanahorias']);
    await screenshots(admin, 'search-results', async () => {
      await admin.getByTestId('search-results').waitFor();
    });

    await hit.click();
    await admin.waitForURL(
      (url) => url.pathname === `/inbox/${longConversation}` && url.searchParams.get('seq') === String(HIT_SEQ),
    );
    await focusedMessage(admin).waitFor({ timeout: 15_000 });
    expect(await focusedMessage(admin).innerText()).toContain('¿Dónde están mis zanahorias moradas?');
    expect(await isInsideScrollBox(admin)).toBe(true);
    // Only the messages around it: the latest are one click away.
    expect(await messageText(admin, `mensaje ${MESSAGES}`).count()).toBe(0);
    await admin.getByTestId('load-newer').waitFor();
    await screenshots(admin, 'search-open-at-hit', async (viewport) => {
      // The contact panel, open beside the thread on a desktop, covers it on a phone.
      if (viewport === 'phone' && (await admin.getByTestId('contact-panel-close').isVisible()))
        await admin.getByTestId('contact-panel-close').click();
      await focusedMessage(admin).waitFor();
    });

    // A reload (or the link shared) opens it at the same message.
    await admin.reload();
    await focusedMessage(admin).waitFor({ timeout: 15_000 });
    expect(await isInsideScrollBox(admin)).toBe(true);

    await admin.getByTestId('new-messages-pill').click();
    await messageText(admin, `mensaje ${MESSAGES}`).waitFor({ timeout: 15_000 });
    expect(await focusedMessage(admin).count()).toBe(0);
  });

  it('on a phone, the same search opens the conversation over the list', async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.goto(`${server.url}/inbox`);
    await admin.getByTestId('inbox-search-input').fill('zanahorias');
    await admin.getByTestId('search-message').click();
    await focusedMessage(admin).waitFor({ timeout: 15_000 });
    expect(await isInsideScrollBox(admin)).toBe(true);
    expect(await admin.getByTestId('conversation-list').isVisible()).toBe(false);
  });

  it("an agent finds an unassigned conversation but nothing of another agent's, and cannot open it at a message either", async () => {
    await agent.setViewportSize({ width: 1280, height: 800 });
    await signInThroughUi(agent, server.url, '/inbox', ALBA);
    await waitForConnection(agent, 'connected');
    await agent.getByTestId('inbox-search-input').fill('berenjena');
    const hits = agent.getByTestId('search-message');
    await hits.first().waitFor();
    expect(await hits.allInnerTexts()).toEqual([expect.stringContaining('Ulises Uría')]);
    expect(await agent.getByTestId('search-results').innerText()).not.toContain('Berta');
    await screenshots(agent, 'search-agent-sees-own', async () => {
      await agent.getByTestId('search-results').waitFor();
    });

    // The same search as the admin finds both: the agent's result is the server's rule, not an empty index.
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.getByTestId('inbox-search-input').fill('berenjena');
    await admin.getByTestId('search-message').nth(1).waitFor();
    expect(await admin.getByTestId('search-results').innerText()).toContain('Berta Bruno');

    await hits.first().click();
    await agent.waitForURL(
      (url) => url.pathname === `/inbox/${unassignedConversation}` && url.searchParams.get('seq') === '1',
    );
    await focusedMessage(agent).waitFor({ timeout: 15_000 });
    expect(await focusedMessage(agent).innerText()).toContain('Otra berenjena, también rota');

    await agent.goto(`${server.url}/inbox/${brunosConversation}?seq=1`);
    await agent.getByTestId('view-not-found').waitFor({ timeout: 15_000 });
    expect(await agent.getByText('Tengo una berenjena rota').count()).toBe(0);
  });
});

/** The focused message lies within the thread's scroll box (it was scrolled into view). */
function isInsideScrollBox(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const box = document.querySelector('[data-testid="message-scroll"]')?.getBoundingClientRect();
    const message = document.querySelector('[data-testid="message"][data-focused="true"]')?.getBoundingClientRect();
    return !!box && !!message && message.top >= box.top - 1 && message.bottom <= box.bottom + 1;
  });
}
