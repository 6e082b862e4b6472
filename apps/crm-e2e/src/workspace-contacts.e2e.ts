import { screenshots } from './support/artifacts';
import { adminToken, rest } from './support/rest';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';
import { customerSays, startWidgetCustomer } from './support/widget-customer';

interface Created {
  id: string;
  contact: { id: string };
}

describe('the contact panel and the contacts page', () => {
  const session = useServerAndPage();
  let token = '';
  /** Diego's two conversations: an older WhatsApp one (closed) and the current web one. */
  let older: Created;
  let current: Created;
  let wendyWeb = '';

  const create = async (body: object): Promise<Created> => {
    const answer = await rest<Created>(session.server.url, 'POST', '/api/conversations', token, body);
    if (answer.status !== 201) throw new Error(`conversation refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  beforeAll(async () => {
    const url = session.server.url;
    token = await adminToken(url);
    older = await create({
      contact: { name: 'Diego Díaz', phone: '+34600111222', email: 'diego@example.com' },
      channel: 'whatsapp',
      subject: 'Pedido 1001',
    });
    expect((await rest(url, 'POST', `/api/conversations/${older.id}/close`, token)).status).toBe(200);
    // The same phone is the same contact.
    current = await create({
      contact: { name: 'Diego Díaz', phone: '+34600111222' },
      channel: 'web',
      subject: 'Cambio de talla',
    });
    expect(current.contact.id).toBe(older.contact.id);
    // One person, two contacts: a web chat without a phone, and a WhatsApp number.
    const wendy = await startWidgetCustomer(url, 'Wendy Web');
    // Staff see a widget chat (and its contact) from its customer's first message.
    await customerSays(url, wendy, 'Hola');
    wendyWeb = wendy.conversationId;
    await create({
      contact: { name: 'Wendy WhatsApp', phone: '+34600555444' },
      channel: 'whatsapp',
      subject: 'Consulta',
    });
  });

  it('beside the thread: the contact’s details and earlier conversations, each one click away', async () => {
    const { page, server } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInThroughUi(page, server.url, `/inbox/${current.id}`);
    await waitForConnection(page, 'connected');
    const panel = page.getByTestId('contact-panel');
    await panel.getByTestId('contact-name').waitFor({ timeout: 15_000 });

    expect(await panel.getByTestId('contact-name').innerText()).toBe('Diego Díaz');
    expect(await panel.getByTestId('contact-email').innerText()).toBe('diego@example.com');
    expect(await panel.getByTestId('contact-phone').innerText()).toBe('+34600111222');
    expect(await panel.getByTestId('contact-channel').innerText()).toBe('Web chat, WhatsApp');
    expect(await panel.getByTestId('contact-first-seen').innerText()).toMatch(/\d{4}/);

    const history = panel.getByTestId('contact-conversation');
    expect(await history.evaluateAll((links) => links.map((a) => a.getAttribute('data-conversation-id')))).toEqual([
      current.id,
      older.id,
    ]);
    expect(await history.nth(0).innerText()).toMatch(/Open[\s\S]*Cambio de talla[\s\S]*this conversation/);
    expect(await history.nth(1).innerText()).toMatch(/Closed[\s\S]*Pedido 1001/);
    await screenshots(page, 'contacts-panel', async (viewport) => {
      // On a phone the panel slides over the thread: opened from the header.
      if (viewport === 'phone' && (await panel.count()) === 0) await page.getByTestId('contact-panel-toggle').click();
      await panel.waitFor();
    });

    await history.nth(1).click();
    await page.waitForURL(`${server.url}/inbox/${older.id}`);
    await page.getByTestId('conversation-status').filter({ hasText: 'Closed' }).waitFor();
    expect(await panel.getByTestId('contact-conversation').nth(1).getAttribute('aria-current')).toBe('page');
  });

  it('the panel hides and shows again, and stays as left', async () => {
    const { page } = session;
    await page.getByTestId('contact-panel-close').click();
    await page.getByTestId('contact-panel').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('composer-input').or(page.getByTestId('thread-closed')).first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('contact-panel').count()).toBe(0);
    await page.getByTestId('contact-panel-toggle').click();
    await page.getByTestId('contact-panel').getByTestId('contact-name').waitFor();
  });

  it('a phone another contact has is refused per field and offers the merge, which says what happens first', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/inbox/${wendyWeb}`);
    const panel = page.getByTestId('contact-panel');
    await panel.getByTestId('contact-name').filter({ hasText: 'Wendy Web' }).waitFor({ timeout: 15_000 });

    await panel.getByTestId('contact-edit').click();
    await panel.getByTestId('contact-input-email').fill('wendy@');
    await panel.getByTestId('contact-save').click();
    expect(await panel.getByTestId('contact-error-email').innerText()).toBe('This is not an email address.');

    await panel.getByTestId('contact-input-email').fill('wendy@example.com');
    await panel.getByTestId('contact-input-phone').fill('+34600555444');
    await panel.getByTestId('contact-save').click();
    await panel.getByTestId('contact-error-phone').waitFor({ timeout: 10_000 });
    const conflict = panel.getByTestId('contact-conflict');
    expect(await conflict.innerText()).toContain('+34600555444 belongs to Wendy WhatsApp');

    await conflict.getByTestId('contact-conflict-merge').click();
    const question = panel.getByTestId('contact-merge-confirm-box');
    expect(await question.innerText()).toMatch(
      /Merge Wendy Web into Wendy WhatsApp\?[\s\S]*All of Wendy Web’s conversations move to Wendy WhatsApp[\s\S]*cannot be undone/,
    );
    await screenshots(page, 'contacts-merge', async (viewport) => {
      if (viewport === 'phone' && (await panel.count()) === 0) await page.getByTestId('contact-panel-toggle').click();
      await question.waitFor();
    });

    await question.getByTestId('contact-merge-confirm').click();
    await panel.getByTestId('contact-name').filter({ hasText: 'Wendy WhatsApp' }).waitFor({ timeout: 10_000 });
    expect(await panel.getByTestId('contact-phone').innerText()).toBe('+34600555444');
    expect(await panel.getByTestId('contact-conversation').count()).toBe(2);
    // The conversation's header follows: it is Wendy WhatsApp's conversation now.
    await page.getByTestId('conversation-contact').filter({ hasText: 'Wendy WhatsApp' }).waitFor({ timeout: 10_000 });
  });

  it('the contacts page searches, pages and opens a contact with the same data', async () => {
    const { page, server } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/contacts`);
    const items = page.getByTestId('contacts-item');
    await items.first().waitFor({ timeout: 10_000 });
    // Wendy Web was merged away: one Wendy is left.
    expect(await items.allInnerTexts()).toEqual([
      expect.stringContaining('Diego Díaz'),
      expect.stringContaining('Wendy WhatsApp'),
    ]);

    await page.getByTestId('contacts-search').fill('d');
    await page.getByTestId('contacts-too-short').waitFor();
    await page.getByTestId('contacts-search').fill('wendy');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="contacts-item"]').length === 1);
    await page.getByTestId('contacts-search').fill('nobody-like-this');
    await page.getByTestId('view-empty').waitFor({ timeout: 10_000 });
    await page.getByTestId('contacts-search').fill('600 111');
    await items.filter({ hasText: 'Diego Díaz' }).waitFor({ timeout: 10_000 });
    await screenshots(page, 'contacts-page');

    await items.filter({ hasText: 'Diego Díaz' }).click();
    await page.waitForURL(`${server.url}/contacts/${current.contact.id}`);
    const detail = page.getByTestId('contact-detail');
    await detail.getByTestId('contact-name').waitFor({ timeout: 10_000 });
    expect(await detail.getByTestId('contact-phone').innerText()).toBe('+34600111222');
    expect(await page.getByTestId('contact-conversation').count()).toBe(2);
    await screenshots(page, 'contacts-detail');

    await page.getByTestId('contact-conversation').filter({ hasText: 'Pedido 1001' }).click();
    await page.waitForURL(`${server.url}/inbox/${older.id}`);
  });
});
