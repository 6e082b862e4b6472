import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium } from './support/browser';
import { ADMIN, startE2eServer, type E2eServer } from './support/server';
import { signInThroughUi, waitForConnection } from './support/session';
import { waitForMessage } from './support/thread';
import { customerSays, startWidgetCustomer } from './support/widget-customer';

const AGENT = { email: 'alba@e2e.local', password: 'alba-password-1', name: 'Alba Agente' };
const OTHER_AGENT = { email: 'bruno@e2e.local', password: 'bruno-password-1', name: 'Bruno Agente' };

/**
 * What others do to a conversation someone has open: the admin gives an agent's conversation to
 * another agent, and a customer writes into the conversation the admin is reading.
 */
describe('the inbox follows what others do to an open conversation', () => {
  let server: E2eServer;
  let browser: Browser;
  let agentContext: BrowserContext;
  let admin: Page;
  let agent: Page;
  let adminToken = '';
  /** The agent's sockets go through routes the test can close (setOffline leaves open WebSockets alone). */
  let agentCut = false;
  const agentSockets: WebSocketRoute[] = [];
  const ids: Record<string, string> = {};

  async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  const itemOf = (page: Page, name: string) => page.getByTestId('conversation-item').filter({ hasText: name });
  async function signInAs(page: Page, user: { email: string; password: string }): Promise<void> {
    await signInThroughUi(page, server.url, '/inbox', user);
    await waitForConnection(page, 'connected');
  }

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    admin = await browser.newPage();
    agentContext = await browser.newContext();
    await agentContext.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (agentCut) return void ws.close({ code: 1001, reason: 'cut by the test' });
      ws.connectToServer();
      agentSockets.push(ws);
    });
    agent = await agentContext.newPage();
    adminToken = (await api<{ accessToken: string }>('POST', '/api/auth/login', '', ADMIN)).accessToken;
    for (const user of [AGENT, OTHER_AGENT]) {
      ids[user.email] = (await api<{ id: string }>('POST', '/api/users', adminToken, { ...user, role: 'agent' })).id;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('an agent whose open conversation is given to another agent sees why, can no longer write, and the list drops it', async () => {
    const customer = await startWidgetCustomer(server.url, 'Rosa Reasignada');
    await customerSays(server.url, customer, '¿Me ayudas con la factura?');
    await api('POST', `/api/conversations/${customer.conversationId}/assign`, adminToken, {
      agentId: ids[AGENT.email],
    });

    await signInAs(agent, AGENT);
    await itemOf(agent, 'Rosa Reasignada').click();
    await waitForMessage(agent, '¿Me ayudas con la factura?');
    await agent.getByTestId('composer-input').waitFor();

    await api('POST', `/api/conversations/${customer.conversationId}/assign`, adminToken, {
      agentId: ids[OTHER_AGENT.email],
    });

    const notice = agent.getByTestId('conversation-not-yours');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain(OTHER_AGENT.name);
    await agent.getByTestId('composer-input').waitFor({ state: 'detached' });
    expect(await agent.getByTestId('close-button').count()).toBe(0);
    expect(await agent.getByTestId('conversation-assignee').innerText()).toContain(OTHER_AGENT.name);
    // All shows an agent only what is theirs or unassigned.
    await itemOf(agent, 'Rosa Reasignada').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('the conversation the admin is reading gets no unread badge when the customer writes in it', async () => {
    const customer = await startWidgetCustomer(server.url, 'Lola Leída');
    await customerSays(server.url, customer, 'Primera pregunta');
    await signInThroughUi(admin, server.url, `/inbox/${customer.conversationId}`);
    await waitForConnection(admin, 'connected');
    await waitForMessage(admin, 'Primera pregunta');
    const item = itemOf(admin, 'Lola Leída');
    await item.waitFor();

    await customerSays(server.url, customer, 'Segunda pregunta');
    await waitForMessage(admin, 'Segunda pregunta');
    // The page marks it read (it is at the bottom) within a second; the list must follow the read.
    await admin.waitForTimeout(2_000);
    expect(await item.getByTestId('unread-badge').count()).toBe(0);

    // Another conversation, not open, does get its badge.
    const other = await startWidgetCustomer(server.url, 'Otro Cliente');
    await customerSays(server.url, other, 'Hola');
    await itemOf(admin, 'Otro Cliente').getByTestId('unread-badge').waitFor({ timeout: 10_000 });
  });
  it("the admin's assign list marks who comes online while the page is open", async () => {
    const option = admin.getByTestId('assign-select').locator('option', { hasText: OTHER_AGENT.name });
    await option.waitFor({ state: 'attached' });
    expect(await option.innerText()).not.toContain('●');

    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    await signInAs(other, OTHER_AGENT);

    await admin.waitForFunction(
      (name) =>
        Array.from(document.querySelectorAll('[data-testid="assign-select"] option')).some(
          (o) => o.textContent?.includes(name) && o.textContent.includes('●'),
        ),
      OTHER_AGENT.name,
      { timeout: 10_000 },
    );
    await otherContext.close();
    await admin.waitForFunction(
      (name) =>
        Array.from(document.querySelectorAll('[data-testid="assign-select"] option')).some(
          (o) => o.textContent?.includes(name) && !o.textContent.includes('●'),
        ),
      OTHER_AGENT.name,
      { timeout: 15_000 },
    );
  });

  it('a conversation given to someone else while the agent was cut off is read-only after the reconnect, and says why', async () => {
    const customer = await startWidgetCustomer(server.url, 'Nico Nocturno');
    await customerSays(server.url, customer, 'Hola, ¿seguís ahí?');
    await api('POST', `/api/conversations/${customer.conversationId}/assign`, adminToken, {
      agentId: ids[AGENT.email],
    });
    await agent.goto(`${server.url}/inbox/${customer.conversationId}`);
    await waitForMessage(agent, 'Hola, ¿seguís ahí?');
    await agent.getByTestId('composer-input').waitFor();

    agentCut = true;
    await agentContext.setOffline(true);
    await Promise.all(agentSockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
    await agent.waitForFunction(
      () => document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') !== 'connected',
    );
    await api('POST', `/api/conversations/${customer.conversationId}/assign`, adminToken, {
      agentId: ids[OTHER_AGENT.email],
    });
    await customerSays(server.url, customer, 'Esto ya no lo ve Alba');

    agentCut = false;
    await agentContext.setOffline(false);
    await waitForConnection(agent, 'connected', 30_000);
    const notice = agent.getByTestId('conversation-not-yours');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toContain('while you were away');
    await agent.getByTestId('composer-input').waitFor({ state: 'detached' });
    expect(await agent.getByTestId('message-reply').count()).toBe(0);
    expect(await agent.getByText('Esto ya no lo ve Alba').count()).toBe(0);

    // Opened again later: it says whose it is not, with the way back, and no retry that cannot work.
    await agent.reload();
    await agent.getByTestId('view-not-found').waitFor({ timeout: 15_000 });
    expect(await agent.getByTestId('view-error').count()).toBe(0);
  });
});
