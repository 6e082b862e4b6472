import type { Browser, Locator, Page } from 'playwright-core';
import { screenshots } from './support/artifacts';
import { launchChromium } from './support/browser';
import { adminToken, createMember } from './support/rest';
import { startE2eServer, type E2eServer } from './support/server';
import { signInThroughUi, waitForConnection } from './support/session';
import { waitForMessage } from './support/thread';

const BRUNO = { name: 'Bruno Agent', email: 'bruno@e2e.local', password: 'bruno-e2e-password', role: 'agent' as const };
const NOTE = 'Could @Bruno Agent call her back before noon?';
const REPLY = 'We will call you back this morning';

/** The message showing this text. */
const messageWith = (page: Page, text: string): Locator =>
  page.getByTestId('message').filter({ has: page.getByTestId('message-text').getByText(text, { exact: true }) });

/** What the bell's badge says as a number: 0 when it is absent. */
const badge = (page: Page) =>
  page.evaluate(
    () => Number.parseInt(document.querySelector('[data-testid="unread-count"]')?.textContent?.trim() ?? '0', 10) || 0,
  );

describe('private notes with mentions', () => {
  let server: E2eServer;
  let browser: Browser;
  let admin: Page;
  let bruno: Page;
  let customer: Page;
  let conversationUrl = '';

  beforeAll(async () => {
    server = await startE2eServer();
    await createMember(server.url, await adminToken(server.url), BRUNO);
    browser = await launchChromium();
    // Three people, three browsers: nothing (storage, sockets) is shared between them.
    [admin, bruno, customer] = await Promise.all([0, 1, 2].map(async () => (await browser.newContext()).newPage()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a customer writes from the widget and the admin opens the conversation', async () => {
    await signInThroughUi(bruno, server.url, '/inbox', BRUNO);
    await waitForConnection(bruno, 'connected');

    await customer.goto(`${server.url}/widget`);
    await customer.getByTestId('widget-name').fill('Carla Cliente');
    await customer.getByTestId('widget-start').click();
    await customer.getByTestId('composer-input').waitFor({ timeout: 15_000 });
    await customer.getByTestId('composer-input').fill('Hola, ¿me pueden llamar?');
    await customer.getByTestId('composer-input').press('Enter');
    await waitForMessage(customer, 'Hola, ¿me pueden llamar?', ['sent', 'delivered', 'read']);
    // The widget is the customer's: no way to write a note there.
    expect(await customer.getByTestId('composer-mode-note').count()).toBe(0);

    await signInThroughUi(admin, server.url, '/inbox');
    await waitForConnection(admin, 'connected');
    await admin.getByTestId('conversation-item').filter({ hasText: 'Carla Cliente' }).click();
    await admin.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    conversationUrl = admin.url();
    await waitForMessage(admin, 'Hola, ¿me pueden llamar?');
  });

  it('in a note, @ offers the team and inserts the full name; Ctrl+Enter sends it, drawn as a note with the mention marked', async () => {
    const before = await badge(bruno);
    // The contact panel would cover the thread on the phone screenshots: this test is about the thread.
    await admin.getByTestId('contact-panel-close').click();
    const composer = admin.getByTestId('composer-input');
    await admin.getByTestId('composer-mode-note').click();
    await admin.getByTestId('composer-note-hint').waitFor();
    await composer.pressSequentially('Could @Bru', { delay: 30 });
    const choice = admin.getByTestId('composer-suggestion').filter({ hasText: 'Bruno Agent' });
    await choice.waitFor({ timeout: 10_000 });
    // Only colleagues: the viewer is not offered to themselves.
    expect(await admin.getByTestId('composer-suggestion').filter({ hasText: 'Administrator' }).count()).toBe(0);
    await screenshots(admin, 'notes-mention-picker');

    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('Could @Bruno Agent ');
    await composer.pressSequentially('call her back before noon?', { delay: 5 });
    await composer.press('Control+Enter');

    await waitForMessage(admin, NOTE, ['sent', 'delivered', 'read']);
    const note = messageWith(admin, NOTE);
    expect(await note.getAttribute('class')).toContain('note');
    expect(await note.getByTestId('message-note-label').innerText()).toContain('Only your team sees this');
    expect(await note.getByTestId('message-mention').allInnerTexts()).toEqual(['@Bruno Agent']);
    // The composer stays on notes: nobody switches back to the customer by accident.
    expect(await admin.getByTestId('composer-mode-note').getAttribute('aria-pressed')).toBe('true');
    await screenshots(admin, 'notes-thread');

    // The colleague's bell counts it, and the notification opens the note.
    await bruno.waitForFunction(
      (expected) => {
        const text = document.querySelector('[data-testid="unread-count"]')?.textContent?.trim();
        return (text ? Number.parseInt(text, 10) : 0) === expected;
      },
      before + 1,
      { timeout: 15_000 },
    );
    await bruno.getByTestId('nav-notifications').click();
    const mention = bruno.getByTestId('notification-item').filter({ hasText: 'Administrator mentioned you' });
    await mention.waitFor({ timeout: 10_000 });
    expect(await mention.innerText()).toContain('call her back');
    await screenshots(bruno, 'notes-bell');
    await mention.click();
    await bruno.waitForURL((url) => url.href.startsWith(conversationUrl));
    await waitForMessage(bruno, NOTE);
    expect(await messageWith(bruno, NOTE).getByTestId('message-mention').allInnerTexts()).toEqual(['@Bruno Agent']);
  });

  it('the customer never sees the note: not live, not after the reply that followed it, not after a reload', async () => {
    await admin.getByTestId('composer-mode-reply').click();
    await admin.getByTestId('composer-input').fill(REPLY);
    await admin.getByTestId('composer-input').press('Enter');

    // The reply was sent after the note: once it is shown, the note would have been too.
    await waitForMessage(customer, REPLY);
    const texts = () =>
      customer.$$eval('[data-testid="message-text"]', (els) => els.map((el) => el.textContent?.trim()));
    expect(await texts()).toEqual(['Hola, ¿me pueden llamar?', REPLY]);
    expect(await customer.getByText('Only your team sees this').count()).toBe(0);

    await customer.reload();
    await waitForMessage(customer, REPLY);
    expect(await texts()).toEqual(['Hola, ¿me pueden llamar?', REPLY]);
    await screenshots(customer, 'notes-widget');
  });
});
