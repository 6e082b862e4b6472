import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from 'playwright-core';
import { launchChromium } from './support/browser';
import { signInThroughUi, waitForConnection } from './support/session';
import { startE2eServer, type E2eServer } from './support/server';
import { waitForMessage } from './support/thread';

interface ShownMessage {
  seq: string | null;
  status: string | null;
  text: string;
}

/** The messages a page shows, top to bottom. */
function shownMessages(page: Page): Promise<ShownMessage[]> {
  return page.$$eval('[data-testid="message"]', (elements) =>
    elements.map((el) => ({
      seq: el.getAttribute('data-seq'),
      status: el.getAttribute('data-status'),
      text: el.querySelector('[data-testid="message-text"]')?.textContent?.trim() ?? '',
    })),
  );
}

/** The message showing this text. */
const messageWith = (page: Page, text: string): Locator =>
  page.getByTestId('message').filter({ has: page.getByTestId('message-text').getByText(text, { exact: true }) });

/** A real 40 × 30 PNG, one colour. */
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR4nO3NMQ0AAAgDsMlBDrKRhQw4mvRvputExGKxWCwWi8VisVj8N14vntxMf8LYZAAAAABJRU5ErkJggg==',
  'base64',
);

describe('live chat between an agent and a widget customer', () => {
  let server: E2eServer;
  let browser: Browser;
  let agentContext: BrowserContext;
  let customerContext: BrowserContext;
  let agent: Page;
  let customer: Page;
  /** setOffline leaves open WebSockets alone, so the agent's go through a proxy the test can cut. */
  let cut = false;
  const agentSockets: WebSocketRoute[] = [];

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    agentContext = await browser.newContext();
    customerContext = await browser.newContext();
    await agentContext.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) {
        void ws.close({ code: 1001, reason: 'cut by the test' });
        return;
      }
      ws.connectToServer();
      agentSockets.push(ws);
    });
    agent = await agentContext.newPage();
    customer = await customerContext.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** The agent's network goes and every open socket of theirs is closed, until reconnectAgent. */
  async function cutAgentOff(): Promise<void> {
    cut = true;
    await agentContext.setOffline(true);
    await Promise.all(agentSockets.splice(0).map((ws) => ws.close({ code: 1001, reason: 'cut by the test' })));
    await agent.waitForFunction(
      () => document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state') !== 'connected',
      undefined,
      { timeout: 10_000 },
    );
  }

  async function reconnectAgent(): Promise<void> {
    cut = false;
    await agentContext.setOffline(false);
    await waitForConnection(agent, 'connected', 30_000);
  }

  it('the agent signs in through the UI and lands on the inbox', async () => {
    await signInThroughUi(agent, server.url, '/inbox');
    await waitForConnection(agent, 'connected');
  });

  it('a customer who starts a chat in the widget appears in the inbox without a reload, once they write', async () => {
    await customer.goto(`${server.url}/widget`);
    await customer.getByTestId('widget-name').fill('Carla Cliente');
    await customer.getByTestId('widget-email').fill('carla@example.com');
    await customer.getByTestId('widget-start').click();
    await customer.getByTestId('composer-input').waitFor({ timeout: 15_000 });
    await waitForConnection(customer, 'connected');

    // An empty chat is nobody's work yet: the inbox hears of it with its first message.
    const item = agent.getByTestId('conversation-item').filter({ hasText: 'Carla Cliente' });
    await agent.waitForTimeout(1_000);
    expect(await item.count()).toBe(0);
    await customer.getByTestId('composer-input').fill('Hola, necesito ayuda');
    await customer.getByTestId('composer-input').press('Enter');
    await item.waitFor({ timeout: 15_000 });
  });

  it('both exchange messages; the customer sees the agent typing, and read ticks reach both', async () => {
    await waitForMessage(customer, 'Hola, necesito ayuda', ['sent', 'delivered', 'read']);

    await agent.getByTestId('conversation-item').filter({ hasText: 'Carla Cliente' }).click();
    await agent.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await waitForMessage(agent, 'Hola, necesito ayuda');

    await agent.getByTestId('composer-input').pressSequentially('Hi Carla', { delay: 40 });
    const typing = customer.getByTestId('typing-indicator');
    await typing.waitFor({ timeout: 10_000 });
    expect(await typing.innerText()).toMatch(/Administrator/);

    await agent.getByTestId('composer-input').pressSequentially(', how can I help?', { delay: 10 });
    await agent.getByTestId('composer-input').press('Enter');
    await waitForMessage(customer, 'Hi Carla, how can I help?');

    // The customer's page shows it at the bottom: read, so the agent's ticks turn blue.
    await waitForMessage(agent, 'Hi Carla, how can I help?', ['read']);
    // The agent has the conversation open at the bottom: the customer's message is read too.
    await waitForMessage(customer, 'Hola, necesito ayuda', ['read']);
    // The typing indicator goes once the message is in.
    await typing.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('messages sent while the agent is cut off show up once and in order after the reconnect', async () => {
    await cutAgentOff();

    for (const text of ['Mensaje uno', 'Mensaje dos']) {
      await customer.getByTestId('composer-input').fill(text);
      await customer.getByTestId('composer-input').press('Enter');
      await waitForMessage(customer, text, ['sent', 'delivered', 'read']);
    }
    await agent.waitForTimeout(2_000);
    expect((await shownMessages(agent)).some((m) => m.text === 'Mensaje uno')).toBe(false);

    await reconnectAgent();
    await waitForMessage(agent, 'Mensaje dos', undefined, 30_000);

    const shown = await shownMessages(agent);
    const texts = shown.map((m) => m.text);
    expect(texts.filter((t) => t === 'Mensaje uno')).toHaveLength(1);
    expect(texts.filter((t) => t === 'Mensaje dos')).toHaveLength(1);
    expect(texts.indexOf('Mensaje uno')).toBeLessThan(texts.indexOf('Mensaje dos'));
    expect(texts.slice(-2)).toEqual(['Mensaje uno', 'Mensaje dos']);
    const seqs = shown.map((m) => Number(m.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('a picture, a quoted reply, a reaction, an edit and a delete reach the other page live', async () => {
    // The customer sends a picture; the agent's page shows it, loaded through its signed URL.
    await customer
      .getByTestId('attach-input')
      .setInputFiles({ name: 'pedido.png', mimeType: 'image/png', buffer: PICTURE });
    const picture = agent.getByTestId('message').locator('img[alt="pedido.png"]');
    await picture.waitFor({ timeout: 15_000 });
    await agent.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 40,
      await picture.elementHandle(),
      { timeout: 10_000 },
    );

    // The agent replies to "Mensaje uno", quoting it.
    const original = messageWith(agent, 'Mensaje uno');
    await original.hover();
    await original.getByTestId('message-reply').click();
    await agent.getByTestId('composer-reply').waitFor();
    await agent.getByTestId('composer-input').fill('Sobre tu primer mensaje');
    await agent.getByTestId('composer-input').press('Enter');
    await waitForMessage(customer, 'Sobre tu primer mensaje');
    expect(await messageWith(customer, 'Sobre tu primer mensaje').getByTestId('message-quote').innerText()).toContain(
      'Mensaje uno',
    );

    // A reaction on "Mensaje dos".
    const reacted = messageWith(agent, 'Mensaje dos');
    await reacted.hover();
    await reacted.getByTestId('message-react').click();
    await reacted.getByTestId('reaction-option').first().click();
    const chip = messageWith(customer, 'Mensaje dos').getByTestId('reaction-chip');
    await chip.waitFor({ timeout: 10_000 });
    expect((await chip.innerText()).trim()).toMatch(/^\S+ 1$/);

    // The agent edits the reply: the customer sees the new text, marked edited.
    const reply = messageWith(agent, 'Sobre tu primer mensaje');
    await reply.hover();
    await reply.getByTestId('message-edit').click();
    await agent.getByTestId('message-edit-input').fill('Sobre tu primer mensaje: ya está resuelto');
    await agent.getByTestId('message-edit-save').click();
    await waitForMessage(customer, 'Sobre tu primer mensaje: ya está resuelto');
    await messageWith(customer, 'Sobre tu primer mensaje: ya está resuelto').getByTestId('message-edited').waitFor();

    // Then deletes it: a tombstone stays on both pages, the text is gone.
    const edited = messageWith(agent, 'Sobre tu primer mensaje: ya está resuelto');
    await edited.hover();
    await edited.getByTestId('message-delete').click();
    await agent.getByTestId('message-delete-confirm').click();
    await customer.waitForFunction(
      () =>
        !Array.from(document.querySelectorAll('[data-testid="message-text"]')).some((el) =>
          el.textContent?.includes('ya está resuelto'),
        ),
      undefined,
      { timeout: 10_000 },
    );
    expect(await customer.getByTestId('message-deleted').count()).toBe(1);
    expect(await agent.getByTestId('message-deleted').count()).toBe(1);
  });

  it('the customer reloads the widget and gets the same conversation and history back', async () => {
    const before = await shownMessages(customer);
    expect(before.length).toBe(6);
    await customer.reload();
    await customer.getByTestId('composer-input').waitFor({ timeout: 15_000 });
    await waitForMessage(customer, 'Mensaje dos');
    await customer.getByTestId('message').locator('img[alt="pedido.png"]').waitFor();
    const after = await shownMessages(customer);
    expect(after.map((m) => [m.seq, m.text])).toEqual(before.map((m) => [m.seq, m.text]));
    expect(await customer.getByTestId('message-deleted').count()).toBe(1);
    // Still one chat in the agent's inbox: the reload did not start another.
    expect(await agent.getByTestId('conversation-item').filter({ hasText: 'Carla Cliente' }).count()).toBe(1);
  });
  it('after a cut the agent sees the edit the customer made meanwhile, and the reply written while cut off goes out by itself', async () => {
    await customer.getByTestId('composer-input').fill('Quiero la talla M');
    await customer.getByTestId('composer-input').press('Enter');
    await waitForMessage(agent, 'Quiero la talla M');

    await cutAgentOff();

    // The customer corrects the message (the widget has no edit, the API has): an edit brings no
    // new seq for the catch-up to find.
    const session = JSON.parse((await customer.evaluate(() => localStorage.getItem('sb.widget'))) ?? '{}') as {
      contactToken: string;
      conversationId: string;
    };
    const auth = { authorization: `Bearer ${session.contactToken}` };
    const page = (await (
      await fetch(`${server.url}/api/conversations/${session.conversationId}/messages?limit=200`, { headers: auth })
    ).json()) as {
      items: { id: string; content: string }[];
    };
    const mistaken = page.items.find((m) => m.content === 'Quiero la talla M');
    const edit = await fetch(`${server.url}/api/messages/${mistaken?.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'Quiero la talla L' }),
    });
    expect(edit.status).toBe(200);
    await waitForMessage(customer, 'Quiero la talla L');

    // The agent answers while cut off: it waits as pending, not failed.
    await agent.getByTestId('composer-input').fill('Te la reservo ahora');
    await agent.getByTestId('composer-input').press('Enter');
    await waitForMessage(agent, 'Te la reservo ahora', ['pending']);
    await agent.waitForTimeout(1_000);
    await waitForMessage(agent, 'Te la reservo ahora', ['pending']);

    await reconnectAgent();
    await waitForMessage(agent, 'Quiero la talla L', undefined, 15_000);
    await messageWith(agent, 'Quiero la talla L').getByTestId('message-edited').waitFor();
    await waitForMessage(agent, 'Te la reservo ahora', ['sent', 'delivered', 'read'], 15_000);
    await waitForMessage(customer, 'Te la reservo ahora');
    expect((await shownMessages(customer)).filter((m) => m.text === 'Te la reservo ahora')).toHaveLength(1);
  });
});
