import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { adminToken, rest } from './support/rest';
import { startE2eServer, type E2eServer } from './support/server';

interface ShopSite {
  origin: string;
  close(): Promise<void>;
}

/** Another site (its own loopback origin) whose page installs the chat with the one script tag. */
async function startShop(widgetOrigin: () => string): Promise<ShopSite> {
  const site: Server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(
      `<!doctype html><title>Shop</title><h1>Our shop</h1><script src="${widgetOrigin()}/widget.js" async></script>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  };
}

describe('the chat embedded in another site with one script tag', () => {
  let server: E2eServer;
  let shop: ShopSite;
  let browser: Browser;
  let page: Page;
  let token: string;
  let conversationId: string;
  const errors: string[] = [];

  const chat = (): FrameLocator => page.frameLocator('#switchboard-widget-frame');
  const launcher = () => page.locator('#switchboard-widget-launcher');
  const badge = () => page.locator('#switchboard-widget-badge');
  const status = () => chat().getByTestId('widget-status');
  beforeAll(async () => {
    let url = '';
    shop = await startShop(() => url);
    server = await startE2eServer({ env: { WIDGET_FRAME_ANCESTORS: shop.origin } });
    url = server.url;
    token = await adminToken(server.url);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await shop?.close();
  });

  it('the launcher opens the chat; the customer starts it and writes', async () => {
    await page.goto(`${shop.origin}/`);
    await launcher().waitFor({ timeout: 15_000 });
    expect(await page.locator('#switchboard-widget-frame').isVisible()).toBe(false);
    await launcher().click();
    expect(await launcher().getAttribute('aria-expanded')).toBe('true');
    await chat().getByTestId('widget-name').fill('Clara Compradora');
    await chat().getByTestId('widget-start').click();
    await chat().getByTestId('composer-input').fill('Hola, quiero devolver un pedido');
    await chat().getByTestId('composer-input').press('Enter');
    await chat()
      .getByTestId('message-text')
      .getByText('Hola, quiero devolver un pedido', { exact: true })
      .waitFor({ timeout: 15_000 });

    // The widget shows the message while it is sent: the inbox has it once the server stored it.
    let found: { id: string } | undefined;
    for (let tries = 0; !found && tries < 50; tries++) {
      if (tries) await page.waitForTimeout(200);
      const list = await rest<{ items: { id: string; contact: { name: string } }[] }>(
        server.url,
        'GET',
        '/api/conversations?q=Clara',
        token,
      );
      found = list.body.items.find((c) => c.contact.name === 'Clara Compradora');
    }
    if (!found) throw new Error('the conversation did not reach the inbox');
    conversationId = found.id;
  });

  it('an answer that arrives while the chat is closed shows on the badge, which opening clears', async () => {
    await launcher().click();
    expect(await launcher().getAttribute('aria-expanded')).toBe('false');
    const sent = await rest(server.url, 'POST', `/api/conversations/${conversationId}/messages`, token, {
      clientMessageId: 'agent-1',
      type: 'text',
      content: 'Claro, ¿qué número de pedido?',
    });
    expect(sent.status).toBe(201);
    await page.waitForFunction(
      () => document.querySelector('#switchboard-widget-badge')?.textContent === '1',
      undefined,
      { timeout: 15_000 },
    );
    expect(await badge().isVisible()).toBe(true);
    await launcher().click();
    expect(await badge().isVisible()).toBe(false);
    await chat()
      .getByTestId('message-text')
      .getByText('Claro, ¿qué número de pedido?', { exact: true })
      .waitFor({ timeout: 15_000 });
  });

  it('the agent closes it: the chat says so live, and the customer rates it', async () => {
    expect(await status().getAttribute('data-status')).toBe('open');
    const closed = await rest(server.url, 'POST', `/api/conversations/${conversationId}/close`, token);
    expect(closed.status).toBe(200);
    await chat().getByTestId('widget-closed').waitFor({ timeout: 15_000 });
    expect(await status().getAttribute('data-status')).toBe('closed');
    expect(await chat().getByTestId('thread-closed').isVisible()).toBe(true);
    expect(await chat().getByTestId('composer-input').count()).toBe(0);

    await chat().getByTestId('widget-rating-4').click();
    await chat().getByTestId('widget-rating-comment').fill('Rápidos y amables');
    await chat().getByTestId('widget-rating-send').click();
    await chat().getByTestId('widget-rating-thanks').waitFor({ timeout: 15_000 });
    const stats = await rest<{ csatCount: number; csatAverage: number }>(server.url, 'GET', '/api/stats', token);
    expect(stats.body).toMatchObject({ csatCount: 1, csatAverage: 4 });
  });

  it('the same browser finds its chat again on the next visit, and a second rating is refused', async () => {
    await page.reload();
    await launcher().click();
    await chat().getByTestId('widget-closed').waitFor({ timeout: 15_000 });
    await chat().getByTestId('widget-rating-2').click();
    await chat().getByTestId('widget-rating-send').click();
    await chat().getByTestId('widget-rating-already').waitFor({ timeout: 15_000 });
    expect((await rest<{ csatCount: number }>(server.url, 'GET', '/api/stats', token)).body.csatCount).toBe(1);
  });

  it('writing again reopens the conversation', async () => {
    await chat().getByTestId('widget-write-again').click();
    await chat().getByTestId('composer-input').fill('Una cosa más');
    await chat().getByTestId('composer-input').press('Enter');
    await chat().getByTestId('message-text').getByText('Una cosa más', { exact: true }).waitFor({ timeout: 15_000 });
    // Open again once the server stored the message and said so to the customer's sockets.
    await chat().locator('[data-testid="widget-status"][data-status="open"]').waitFor({ timeout: 15_000 });
    const conversation = await rest<{ status: string }>(
      server.url,
      'GET',
      `/api/conversations/${conversationId}`,
      token,
    );
    expect(conversation.body.status).toBe('open');
    expect(await chat().getByTestId('widget-closed').count()).toBe(0);
    // Nothing failed on either page but the second rating, refused on purpose (409).
    expect(errors.filter((e) => !e.includes('status of 409'))).toEqual([]);
  });
});
