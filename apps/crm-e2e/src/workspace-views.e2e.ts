import type { Browser, Page } from 'playwright-core';
import { screenshots } from './support/artifacts';
import { launchChromium } from './support/browser';
import { adminToken, createMember, rest } from './support/rest';
import { startE2eServer, type E2eServer } from './support/server';
import { signInThroughUi, waitForConnection } from './support/session';
import { customerSays, startWidgetCustomer } from './support/widget-customer';

const SUPERVISOR = { name: 'Sara Supervisora', email: 'sara@e2e.local', password: 'sara-password-1' };
const ALBA = { name: 'Alba Agente', email: 'alba@e2e.local', password: 'alba-password-1' };
const BRUNO = { name: 'Bruno Agente', email: 'bruno@e2e.local', password: 'bruno-password-1' };

interface Label {
  id: string;
  name: string;
}

/**
 * The inbox's views: labels managed by supervisors and put on conversations from the thread's
 * header, a label filter that lives in the URL (a reload keeps it) and follows what others do,
 * the tabs' live counts, and the keyboard shortcuts.
 */
describe('inbox views, labels and shortcuts', () => {
  let server: E2eServer;
  let browser: Browser;
  let supervisor: Page;
  let agent: Page;
  let token = '';
  let brunoId = '';
  const conversations: Record<string, string> = {};

  const item = (page: Page, name: string) => page.getByTestId('conversation-item').filter({ hasText: name });
  const listNames = (page: Page) => page.getByTestId('conversation-item').locator('strong.name').allInnerTexts();
  const labels = async (): Promise<Label[]> =>
    (await rest<{ items: Label[] }>(server.url, 'GET', '/api/labels', token)).body.items;
  const setLabels = async (conversationId: string, labelIds: string[]) =>
    expect(
      (await rest(server.url, 'PUT', `/api/conversations/${conversationId}/labels`, token, { labelIds })).status,
    ).toBe(200);

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchChromium();
    supervisor = await (await browser.newContext()).newPage();
    agent = await (await browser.newContext()).newPage();
    token = await adminToken(server.url);
    await createMember(server.url, token, { ...SUPERVISOR, role: 'supervisor' });
    await createMember(server.url, token, { ...ALBA, role: 'agent' });
    brunoId = await createMember(server.url, token, { ...BRUNO, role: 'agent' });
    for (const name of ['Nadia Normal', 'Valeria Vip', 'Bea de Bruno']) {
      const customer = await startWidgetCustomer(server.url, name);
      await customerSays(server.url, customer, `Hola, soy ${name}`);
      conversations[name] = customer.conversationId;
    }
    expect(
      (
        await rest(server.url, 'POST', `/api/conversations/${conversations['Bea de Bruno']}/assign`, token, {
          agentId: brunoId,
        })
      ).status,
    ).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('a supervisor creates labels on the labels page; an agent has no such page', async () => {
    await supervisor.setViewportSize({ width: 1280, height: 800 });
    await signInThroughUi(supervisor, server.url, '/inbox', SUPERVISOR);
    await waitForConnection(supervisor, 'connected');
    await supervisor.getByTestId('nav-labels').click();
    await supervisor.waitForURL(/\/labels$/);
    await supervisor.getByTestId('view-empty').waitFor();

    const form = supervisor.getByTestId('new-label');
    await form.getByTestId('label-submit').click();
    await form.getByTestId('label-name-error').waitFor();
    for (const name of ['VIP', 'Reembolso']) {
      await form.getByTestId('label-name').fill(name);
      await form.getByTestId('label-submit').click();
      await supervisor.getByTestId('label-row').filter({ hasText: name }).waitFor();
      expect(await form.getByTestId('label-name').inputValue()).toBe('');
    }
    await screenshots(supervisor, 'labels-page');
    // The same name in other letters is refused before it is sent.
    await form.getByTestId('label-name').fill('vip');
    await form.getByTestId('label-submit').click();
    expect(await form.getByTestId('label-name-error').innerText()).toMatch(/already/i);
    expect((await labels()).map((l) => l.name)).toEqual(['Reembolso', 'VIP']);

    await signInThroughUi(agent, server.url, '/inbox', ALBA);
    await waitForConnection(agent, 'connected');
    expect(await agent.getByTestId('nav-labels').count()).toBe(0);
    await agent.goto(`${server.url}/labels`);
    await agent.waitForURL((url) => url.pathname === '/inbox');
  });

  it('anyone who sees a conversation labels it from its header; the chips show there and in the list', async () => {
    await agent.goto(`${server.url}/inbox/${conversations['Valeria Vip']}`);
    await agent.getByTestId('label-picker-button').click();
    const vip = (await labels()).find((l) => l.name === 'VIP') as Label;
    await agent.locator(`[data-testid="label-option"][data-label-id="${vip.id}"]`).check();
    const header = agent.getByTestId('conversation-labels');
    await header.getByTestId('label-chip').waitFor();
    expect(await header.getByTestId('label-chip').allInnerTexts()).toEqual(['VIP']);
    expect(await item(agent, 'Valeria Vip').getByTestId('label-chip').allInnerTexts()).toEqual(['VIP']);
    await agent.keyboard.press('Escape');
    // The supervisor's list follows (a push).
    await supervisor.goto(`${server.url}/inbox`);
    await item(supervisor, 'Valeria Vip').getByTestId('label-chip').waitFor({ timeout: 10_000 });
  });

  it('filters by label through the URL: a reload keeps it, and the list follows labels put on and taken off elsewhere', async () => {
    const vip = (await labels()).find((l) => l.name === 'VIP') as Label;
    await setLabels(conversations['Bea de Bruno'], [vip.id]);

    await supervisor.getByTestId('inbox-filters-toggle').click();
    await supervisor.getByTestId('filter-label').selectOption(vip.id);
    await supervisor.waitForURL((url) => url.searchParams.get('label') === vip.id);
    await expectList(supervisor, ['Bea de Bruno', 'Valeria Vip']);

    await supervisor.reload();
    await waitForConnection(supervisor, 'connected');
    expect(new URL(supervisor.url()).searchParams.get('label')).toBe(vip.id);
    await expectList(supervisor, ['Bea de Bruno', 'Valeria Vip']);
    expect(await supervisor.getByTestId('inbox-label-filter').innerText()).toContain('VIP');

    // An agent with the same link sees only what is theirs or unassigned.
    await agent.goto(`${server.url}/inbox?label=${vip.id}`);
    await expectList(agent, ['Valeria Vip']);

    await setLabels(conversations['Nadia Normal'], [vip.id]);
    await item(supervisor, 'Nadia Normal').waitFor({ timeout: 10_000 });
    await item(agent, 'Nadia Normal').waitFor({ timeout: 10_000 });
    await setLabels(conversations['Valeria Vip'], []);
    await item(supervisor, 'Valeria Vip').waitFor({ state: 'detached', timeout: 10_000 });
    // Labelling moves no activity: Nadia (the oldest) comes in at her place, not on top.
    await expectList(supervisor, ['Bea de Bruno', 'Nadia Normal']);
    await screenshots(supervisor, 'inbox-label-filter');
  });

  it('the tabs count what they hold, and follow new conversations', async () => {
    await supervisor.goto(`${server.url}/inbox?tab=unassigned`);
    const unassigned = supervisor.getByTestId('inbox-count-unassigned');
    await unassigned.waitFor();
    expect(await unassigned.innerText()).toBe('2');
    expect(await supervisor.getByTestId('inbox-count-all').innerText()).toBe('3');
    const customer = await startWidgetCustomer(server.url, 'Olga Otra');
    await customerSays(server.url, customer, 'Hola');
    await supervisor.waitForFunction(
      () => document.querySelector('[data-testid="inbox-count-unassigned"]')?.textContent?.trim() === '3',
      undefined,
      { timeout: 10_000 },
    );
    expect(await supervisor.getByTestId('inbox-count-all').innerText()).toBe('4');
    await item(supervisor, 'Olga Otra').waitFor();
  });

  it('keyboard: j and k move through the list, / searches, e closes, a assigns to me, ? lists them; nothing fires while typing', async () => {
    const page = supervisor;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/inbox`);
    await waitForConnection(page, 'connected');
    await page.getByTestId('conversation-item').first().waitFor();
    const ids = await page
      .getByTestId('conversation-item')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-conversation-id')));
    const opened = () => new URL(page.url()).pathname.split('/')[2];

    await page.keyboard.press('j');
    await page.waitForURL((url) => url.pathname === `/inbox/${ids[0]}`);
    await page.keyboard.press('j');
    await page.waitForURL((url) => url.pathname === `/inbox/${ids[1]}`);
    await page.keyboard.press('k');
    await page.waitForURL((url) => url.pathname === `/inbox/${ids[0]}`);
    // `a` acts on the conversation shown: once it is.
    const firstName = await page.getByTestId('conversation-item').first().locator('strong.name').innerText();
    await page.getByTestId('conversation-contact').filter({ hasText: firstName }).waitFor();

    await page.keyboard.press('a');
    await page.waitForFunction(
      (name) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="assign-select"]');
        return select?.selectedOptions[0]?.textContent?.includes(name) ?? false;
      },
      SUPERVISOR.name,
      { timeout: 10_000 },
    );

    // Typing in the composer is text, not shortcuts.
    await page.getByTestId('composer-input').click();
    await page.keyboard.type('jake');
    expect(await page.getByTestId('composer-input').inputValue()).toBe('jake');
    expect(opened()).toBe(ids[0]);
    expect(await page.getByTestId('conversation-status').getAttribute('data-status')).toBe('open');
    await page.getByTestId('composer-input').fill('');

    await page.locator('h1').first().click();
    await page.keyboard.press('e');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="conversation-status"]')?.getAttribute('data-status') === 'closed',
      undefined,
      { timeout: 10_000 },
    );

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('inbox-search-input');
    await page.keyboard.type('jk');
    expect(opened()).toBe(ids[0]);
    await page.keyboard.press('Escape');
    await page.locator('h1').first().click();

    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toMatch(/Next conversation[\s\S]*Ctrl[\s\S]*Enter/);
    // While it is open, the keys are its own.
    await page.keyboard.press('j');
    expect(opened()).toBe(ids[0]);
    await screenshots(page, 'inbox-shortcuts', async () => {
      await dialog.waitFor({ state: 'visible' });
    });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('shortcuts-button').click();
    await dialog.waitFor({ state: 'visible' });
    await page.getByTestId('shortcuts-close').click();
    await dialog.waitFor({ state: 'hidden' });
  });

  /** Waits until the list shows exactly these contacts, in this order. */
  async function expectList(page: Page, names: string[]): Promise<void> {
    await page
      .waitForFunction(
        (expected) => {
          const shown = Array.from(document.querySelectorAll('[data-testid="conversation-item"] strong.name'), (el) =>
            el.textContent?.trim(),
          );
          return JSON.stringify(shown) === JSON.stringify(expected);
        },
        names,
        { timeout: 10_000 },
      )
      .catch(async () => {
        throw new Error(`list shows ${JSON.stringify(await listNames(page))}, expected ${JSON.stringify(names)}`);
      });
  }
});
