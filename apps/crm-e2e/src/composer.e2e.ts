import type { Browser, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium } from './support/browser';
import { signInThroughUi, waitForConnection } from './support/session';
import { startE2eServer, type E2eServer } from './support/server';
import { waitForMessage } from './support/thread';
import { customerSays, startWidgetCustomer, storedTexts, type WidgetCustomer } from './support/widget-customer';

/** Waits until the thread is scrolled to its bottom (and long enough to scroll at all). */
const atBottom = (page: Page) =>
  page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="message-scroll"]');
    return !!el && el.scrollHeight > el.clientHeight && el.scrollHeight - el.clientHeight - el.scrollTop <= 2;
  });

describe('the agent composer and thread in a real browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let agent: Page;
  let customer: WidgetCustomer;
  /** While set, nothing the server sends reaches the agent's page (its pings aside). */
  let deaf = false;
  /** While set, the agent's page gets no WebSocket at all; plain HTTP still works. */
  let cut = false;
  const routes: WebSocketRoute[] = [];

  beforeAll(async () => {
    // The long conversation is written over REST in a burst, faster than a person's write limit.
    server = await startE2eServer({ env: { RATE_LIMIT_MESSAGES_PER_SECOND: '1000' } });
    browser = await launchChromium();
    const context = await browser.newContext();
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) {
        void ws.close({ code: 1001, reason: 'cut by the test' });
        return;
      }
      const upstream = ws.connectToServer();
      upstream.onMessage((frame) => {
        // Engine.IO "4…" frames carry Socket.IO packets (events and acks); "3" is the pong.
        if (deaf && typeof frame === 'string' && frame.startsWith('4')) return;
        ws.send(frame);
      });
      routes.push(ws);
    });
    agent = await context.newPage();
    customer = await startWidgetCustomer(server.url, 'Rosa Reader');
    for (let i = 1; i <= 60; i++) await customerSays(server.url, customer, `Línea ${i}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('the agent opens the long conversation at its latest message', async () => {
    await signInThroughUi(agent, server.url, `/inbox/${customer.conversationId}`);
    await waitForConnection(agent, 'connected');
    await waitForMessage(agent, 'Línea 60');
    await atBottom(agent);
  });

  it('scrolling to the top loads the older messages above, each once and in order', async () => {
    // The first page is the latest 50.
    expect(await agent.getByTestId('message-text').getByText('Línea 10', { exact: true }).count()).toBe(0);
    await agent.getByTestId('message-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
    await waitForMessage(agent, 'Línea 1');
    const texts = await agent.$$eval('[data-testid="message-text"]', (els) => els.map((el) => el.textContent?.trim()));
    expect(texts).toEqual(Array.from({ length: 60 }, (_, i) => `Línea ${i + 1}`));
    // The place is kept: what was at the top before is still in view, not pushed away.
    const place = await agent.evaluate(() => {
      const box = document.querySelector('[data-testid="message-scroll"]')?.getBoundingClientRect();
      const line = Array.from(document.querySelectorAll('[data-testid="message"]')).find(
        (m) => m.querySelector('[data-testid="message-text"]')?.textContent?.trim() === 'Línea 11',
      );
      const rect = line?.getBoundingClientRect();
      return { box: { top: box?.top, bottom: box?.bottom }, line: { top: rect?.top, bottom: rect?.bottom } };
    });
    expect(place.line.top).toBeGreaterThanOrEqual(place.box.top as number);
    expect(place.line.bottom).toBeLessThanOrEqual(place.box.bottom as number);
  });

  it('scrolled up, a new customer message brings the "new messages" pill instead of moving the page', async () => {
    await agent.getByTestId('message-scroll').evaluate((el) => el.scrollTo({ top: 0 }));
    await agent.waitForFunction(() => document.querySelector('[data-testid="message-scroll"]')?.scrollTop === 0);
    await customerSays(server.url, customer, 'Nuevo mientras leías');
    await waitForMessage(agent, 'Nuevo mientras leías');
    const pill = agent.getByTestId('new-messages-pill');
    await pill.waitFor({ timeout: 10_000 });
    expect(await agent.getByTestId('message-scroll').evaluate((el) => el.scrollTop)).toBe(0);

    await pill.click();
    await pill.waitFor({ state: 'detached' });
    await atBottom(agent);
  });

  it('a customer message arriving over an unsent draft warns the agent; sending clears the warning', async () => {
    await agent.getByTestId('composer-input').fill('Le respondo que');
    await customerSays(server.url, customer, '¿Sigue ahí?');
    await waitForMessage(agent, '¿Sigue ahí?');
    await agent.getByTestId('customer-wrote').waitFor({ timeout: 10_000 });

    await agent.getByTestId('composer-input').fill('Sí, aquí sigo');
    await agent.getByTestId('composer-input').press('Enter');
    await agent.getByTestId('customer-wrote').waitFor({ state: 'detached' });
    await waitForMessage(agent, 'Sí, aquí sigo', ['sent', 'delivered', 'read']);
  });

  it('a send whose answer never comes shows pending, then failed; Retry stores it once', async () => {
    deaf = true;
    await agent.getByTestId('composer-input').fill('¿Llega esto?');
    await agent.getByTestId('composer-input').press('Enter');
    // At once, before any answer: shown as pending.
    await waitForMessage(agent, '¿Llega esto?', ['pending'], 2_000);
    // The server stored it, but neither the ack nor the push got through: after the send timeout it is failed.
    await waitForMessage(agent, '¿Llega esto?', ['failed'], 20_000);
    expect((await storedTexts(server.url, customer)).filter((t) => t === '¿Llega esto?')).toHaveLength(1);

    deaf = false;
    await agent.getByTestId('message-retry').click();
    await waitForMessage(agent, '¿Llega esto?', ['sent', 'delivered', 'read']);
    const shown = await agent.$$eval('[data-testid="message-text"]', (els) => els.map((el) => el.textContent?.trim()));
    expect(shown.filter((t) => t === '¿Llega esto?')).toHaveLength(1);
    // Same clientMessageId: the server answered with the stored message and stored nothing new.
    expect((await storedTexts(server.url, customer)).filter((t) => t === '¿Llega esto?')).toHaveLength(1);
  });

  it('with no WebSocket at all, the thread says so and still gets new messages by polling REST', async () => {
    cut = true;
    await Promise.all(routes.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
    await agent.getByTestId('thread-offline').waitFor({ timeout: 10_000 });
    expect(await agent.getByTestId('connection-indicator').getAttribute('data-state')).not.toBe('connected');

    await customerSays(server.url, customer, 'Escrito sin WebSocket');
    // The thread polls every 15 s while the socket is down.
    await waitForMessage(agent, 'Escrito sin WebSocket', undefined, 25_000);
    expect(await agent.getByTestId('connection-indicator').getAttribute('data-state')).not.toBe('connected');
  });
});
