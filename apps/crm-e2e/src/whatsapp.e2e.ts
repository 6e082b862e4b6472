import type { Page } from 'playwright-core';
import { ADMIN } from './support/server';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';
import { waitForMessage } from './support/thread';

const CUSTOMER = { from: '+15551234567', name: 'Wanda Pérez' };

interface StatusChange {
  text: string;
  status: string;
}

/**
 * From now on, every status each message shows is logged in the page (a MutationObserver, so
 * short-lived ones such as `sent` before `delivered` are not missed between two polls).
 */
function recordStatuses(page: Page): Promise<void> {
  return page.evaluate(() => {
    const log: StatusChange[] = [];
    (window as unknown as { statusLog: StatusChange[] }).statusLog = log;
    const record = (el: Element) => {
      const text = el.querySelector('[data-testid="message-text"]')?.textContent?.trim() ?? '';
      const status = el.getAttribute('data-status') ?? '';
      const previous = [...log].reverse().find((e) => e.text === text);
      if (previous?.status !== status) log.push({ text, status });
    };
    const messagesIn = (node: Node): Element[] =>
      node instanceof Element
        ? [
            ...(node.matches('[data-testid="message"]') ? [node] : []),
            ...Array.from(node.querySelectorAll('[data-testid="message"]')),
          ]
        : [];
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes') record(m.target as Element);
        else m.addedNodes.forEach((n) => messagesIn(n).forEach(record));
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
}

/** The statuses the message with this text showed, in order, each once. */
function statusesOf(page: Page, text: string): Promise<string[]> {
  return page.evaluate(
    (text) =>
      (window as unknown as { statusLog: StatusChange[] }).statusLog
        .filter((e) => e.text === text)
        .map((e) => e.status),
    text,
  );
}

describe('WhatsApp in the inbox (sandbox provider)', () => {
  const session = useServerAndPage({
    env: { CHANNEL_PROVIDER: 'sandbox', SANDBOX_DELIVERED_AFTER_MS: '300', SANDBOX_READ_AFTER_MS: '800' },
  });
  let token = '';

  async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${session.server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  it('the admin signs in through the UI and lands on the inbox', async () => {
    await signInThroughUi(session.page, session.server.url, '/inbox');
    await waitForConnection(session.page, 'connected');
    await session.page
      .getByTestId('conversation-list')
      .or(session.page.getByTestId('view-empty'))
      .first()
      .waitFor({ timeout: 15_000 });
    const login = await api<{ accessToken: string }>('POST', '/api/auth/login', ADMIN);
    expect(login.status).toBe(200);
    token = login.body.accessToken;
  });

  it('a customer writing on WhatsApp appears in the inbox live, with the WhatsApp badge', async () => {
    const page = session.page;
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const inbound = await api<{ conversation: { id: string; windowExpiresAt: string | null } }>(
      'POST',
      '/api/channels/sandbox/inbound',
      {
        ...CUSTOMER,
        text: 'Hola, ¿dónde está mi pedido?',
      },
    );
    expect(inbound.status).toBe(201);
    expect(inbound.body.conversation.windowExpiresAt).not.toBeNull();

    const item = page.getByTestId('conversation-item').filter({ hasText: CUSTOMER.name });
    await item.waitFor({ timeout: 15_000 });
    await item.getByTestId('whatsapp-badge').waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('the agent opens it: the WhatsApp badge, the customer’s message and the open 24-hour window', async () => {
    const page = session.page;
    await page.getByTestId('conversation-item').filter({ hasText: CUSTOMER.name }).click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    await waitForMessage(page, 'Hola, ¿dónde está mi pedido?');
    await page.locator('sb-conversation-header').getByTestId('whatsapp-badge').waitFor();
    expect(await page.getByTestId('window-closes-in').innerText()).toMatch(/closes in 2[34] h/);
    expect(await page.getByTestId('composer-input').isEnabled()).toBe(true);
  });

  it('a reply shows sent, then delivered, then read (two blue ticks) as the sandbox reports them', async () => {
    const page = session.page;
    const text = 'Your order ships today';
    await recordStatuses(page);
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('composer-input').press('Enter');

    await waitForMessage(page, text, ['read']);
    const seen = await statusesOf(page, text);
    expect(seen.filter((s) => s !== 'pending')).toEqual(['sent', 'delivered', 'read']);

    const ticks = page.getByTestId('message').filter({ hasText: text }).locator('sb-message-ticks');
    expect(await ticks.getAttribute('data-ticks')).toBe('read');
    expect(await ticks.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(29, 139, 241)');
  });

  it('a template chosen in the picker, with its variables filled, goes out as a template and gets its ticks', async () => {
    const created = await api('POST', '/api/channels/templates', {
      name: 'order_update',
      language: 'en',
      category: 'utility',
      body: 'Hi {{1}}, your order {{2}} ships today.',
    });
    expect(created.status).toBe(201);

    const page = session.page;
    await page.getByTestId('template-open').click();
    const picker = page.getByTestId('template-picker');
    await picker.getByTestId('template-select').selectOption({ label: 'order_update (en)' });
    const variables = picker.getByTestId('template-variable');
    expect(await variables.count()).toBe(2);
    await variables.nth(0).fill('Wanda');
    expect(await picker.getByTestId('template-preview').innerText()).toBe('Hi Wanda, your order {{2}} ships today.');
    expect(await picker.getByTestId('template-send').isDisabled()).toBe(true);
    await variables.nth(1).fill('A-17');
    expect(await picker.getByTestId('template-preview').innerText()).toBe('Hi Wanda, your order A-17 ships today.');
    await picker.getByTestId('template-send').click();

    const text = 'Hi Wanda, your order A-17 ships today.';
    await waitForMessage(page, text, ['read']);
    await page.getByTestId('message').filter({ hasText: text }).getByTestId('message-template').waitFor();
    await picker.waitFor({ state: 'detached' });
  });

  it('a WhatsApp conversation whose customer never wrote allows templates only, and says why', async () => {
    const created = await api<{ id: string }>('POST', '/api/conversations', {
      contact: { name: 'Nadia Nunca', phone: '+15557654321' },
      channel: 'whatsapp',
    });
    expect(created.status).toBe(201);

    const page = session.page;
    const item = page.getByTestId('conversation-item').filter({ hasText: 'Nadia Nunca' });
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    await page.waitForURL(new RegExp(`/inbox/${created.body.id}$`));
    const closed = page.getByTestId('window-closed');
    await closed.waitFor({ timeout: 15_000 });
    expect(await closed.innerText()).toMatch(/WhatsApp only allows approved templates/);
    expect(await page.getByTestId('composer-input').isDisabled()).toBe(true);

    const picker = page.getByTestId('template-picker');
    await picker.getByTestId('template-select').selectOption({ label: 'order_update (en)' });
    await picker.getByTestId('template-variable').nth(0).fill('Nadia');
    await picker.getByTestId('template-variable').nth(1).fill('B-2');
    await picker.getByTestId('template-send').click();
    await waitForMessage(page, 'Hi Nadia, your order B-2 ships today.', ['sent', 'delivered', 'read']);
  });
});
