import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR, VIEWPORTS } from './support/artifacts';
import {
  horizontalOverflow,
  overflowingElements,
  settle,
  tablesWiderThanScreen,
  unreachableNavigation,
} from './support/responsive';
import { adminToken, createMember, rest } from './support/rest';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';
import { customerSays, startWidgetCustomer } from './support/widget-customer';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const SMALL = ['phone', 'tablet'] as const;
const AGENT = { name: 'Ana Agente', email: 'ana@e2e.local', password: 'ana-password-1', role: 'agent' } as const;
const MARKETER = {
  name: 'Mara Marketing',
  email: 'mara@e2e.local',
  password: 'mara-password-1',
  role: 'marketer',
} as const;
const ADMIN_NAV = [
  'nav-inbox',
  'nav-contacts',
  'nav-canned-responses',
  'nav-dashboard',
  'nav-campaigns',
  'nav-team',
  'nav-labels',
  'nav-settings',
];

interface Stage {
  conversationId: string;
  contactId: string;
  campaignId: string;
}

interface PageCase {
  name: string;
  path: (stage: Stage) => string;
  /** Shown once the page has its data. */
  ready: string;
  /** Runs at each small size before the checks. */
  arrange?: (page: Page) => Promise<void>;
}

/** Every route of the staff app, as the admin (who may open them all), with data on each list. */
const ADMIN_PAGES: PageCase[] = [
  { name: 'inbox', path: () => '/inbox', ready: '[data-testid="conversation-item"]' },
  {
    name: 'conversation',
    path: (s) => `/inbox/${s.conversationId}`,
    ready: '[data-testid="composer-input"]',
    // Open beside the thread on a desktop, the contact panel slides over everything below 1024 px.
    arrange: async (page) => {
      const close = page.getByTestId('contact-panel-close');
      if (await close.isVisible()) await close.click();
    },
  },
  { name: 'contacts', path: () => '/contacts', ready: '[data-testid="contacts-list"]' },
  { name: 'contact', path: (s) => `/contacts/${s.contactId}`, ready: '[data-testid="contact-detail"]' },
  { name: 'canned-responses', path: () => '/canned-responses', ready: '[data-testid="canned-new"]' },
  { name: 'dashboard', path: () => '/dashboard', ready: '[data-testid="agent-table"]' },
  { name: 'campaigns', path: () => '/campaigns', ready: '[data-testid="campaign-row"]' },
  { name: 'campaign-new', path: () => '/campaigns/new', ready: '[data-testid="campaign-recipients"]' },
  { name: 'campaign-detail', path: (s) => `/campaigns/${s.campaignId}`, ready: '[data-testid="campaign-progress"]' },
  { name: 'team', path: () => '/team', ready: '[data-testid="team-row"]' },
  { name: 'settings', path: () => '/settings', ready: '[data-testid="template-row"]' },
  { name: 'labels', path: () => '/labels', ready: '[data-testid="label-row"]' },
  { name: 'notifications', path: () => '/notifications', ready: '[data-testid="page-mark-all-read"]' },
  { name: 'account', path: () => '/account', ready: '[data-testid="account-profile"]' },
];

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  // The whole page, not only the first screen: a table or a form further down is what overflows.
  await page.screenshot({ path: join(ARTIFACTS_DIR, `responsive-${name}.png`), fullPage: true });
}

/** At each small size: no sideways scroll, the navigation reachable, and a screenshot. */
async function checkAtSmallSizes(
  page: Page,
  name: string,
  nav: readonly string[] | null,
  arrange?: (page: Page) => Promise<void>,
): Promise<void> {
  for (const viewport of SMALL) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await settle(page);
    await arrange?.(page);
    const overflow = await horizontalOverflow(page);
    const where = `${name} at ${viewport}: ${(await overflowingElements(page)).join(', ')}`;
    expect({ where, overflow }).toEqual({ where, overflow: Math.min(overflow, 0) });
    const wide = await tablesWiderThanScreen(page);
    expect({ name, viewport, wide }).toEqual({ name, viewport, wide: [] });
    if (nav)
      expect({ name, viewport, missing: await unreachableNavigation(page, nav) }).toEqual({
        name,
        viewport,
        missing: [],
      });
    await screenshot(page, `${name}-${viewport}`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

async function stageData(url: string): Promise<Stage> {
  const token = await adminToken(url);
  const customer = await startWidgetCustomer(url, 'Valentina Larguísimo-Apellido-Sin-Espacios');
  await customerSays(url, customer, 'Hola, ¿podéis ayudarme con mi pedido número 123456789?');
  const conversation = await rest<{ contact: { id: string } }>(
    url,
    'GET',
    `/api/conversations/${customer.conversationId}`,
    token,
  );
  await rest(url, 'POST', '/api/labels', token, { name: 'Urgente', color: '#d6363d' });
  await rest(url, 'POST', '/api/canned-responses', token, {
    shortCode: 'hola',
    content: 'Hola {{name}}, ¿en qué te ayudo?',
  });
  await rest(url, 'POST', '/api/channels/templates', token, {
    name: 'order_update_with_a_long_name',
    language: 'es',
    body: 'Hola {{1}}, tu pedido {{2}} está en camino y llegará el {{3}}.',
  });
  const campaign = await rest<{ id: string }>(url, 'POST', '/api/bulk-campaigns', token, {
    name: 'Rebajas de primavera',
    content: 'Hola {{name}}, ¡las rebajas empiezan hoy!',
    ratePerSecond: 1,
    recipients: [{ phone: '+34600100001', name: 'Cliente 1' }],
  });
  await createMember(url, token, AGENT);
  await createMember(url, token, MARKETER);
  return {
    conversationId: customer.conversationId,
    contactId: conversation.body.contact.id,
    campaignId: campaign.body.id,
  };
}

describe('every page at phone (390×844) and tablet (768×1024) size', () => {
  const session = useServerAndPage();
  let stage: Stage;
  const page = () => session.page;

  beforeAll(async () => {
    stage = await stageData(session.server.url);
  });

  it('the login page fits without scrolling sideways', async () => {
    await page().goto(`${session.server.url}/login`);
    await page().getByTestId('login-email').waitFor();
    await checkAtSmallSizes(page(), 'login', null);
  });

  it('the customer widget fits, before and after starting a chat', async () => {
    const widget = await page().context().newPage();
    await widget.goto(`${session.server.url}/widget`);
    await widget.getByTestId('widget-name').waitFor();
    await checkAtSmallSizes(widget, 'widget-start', null);
    await widget.getByTestId('widget-name').fill('Wanda Widget');
    await widget.getByTestId('widget-start').click();
    await widget.getByTestId('composer-input').waitFor({ timeout: 15_000 });
    await checkAtSmallSizes(widget, 'widget-chat', null);
    await widget.close();
  });

  it('the admin signs in', async () => {
    await signInThroughUi(page(), session.server.url, '/inbox');
    await waitForConnection(page(), 'connected');
  });

  it.each(ADMIN_PAGES.map((c) => [c.name, c] as const))('%s fits and keeps the navigation reachable', async (_, c) => {
    await page().goto(`${session.server.url}${c.path(stage)}`);
    await page().locator(c.ready).first().waitFor({ timeout: 15_000 });
    await checkAtSmallSizes(page(), `admin-${c.name}`, ADMIN_NAV, c.arrange);
  });

  it('a desktop keeps the navigation and Log out in the top bar, with no menu button', async () => {
    await page().setViewportSize(VIEWPORTS.desktop);
    await page().goto(`${session.server.url}/inbox`);
    await page().getByTestId('nav-settings').waitFor();
    expect(await page().getByTestId('menu-toggle').isVisible()).toBe(false);
    expect(await unreachableNavigation(page(), ADMIN_NAV)).toEqual([]);
  });

  it('on a phone the menu takes focus, Escape closes it and gives focus back to its button', async () => {
    await page().setViewportSize(VIEWPORTS.phone);
    await page().goto(`${session.server.url}/inbox`);
    const toggle = page().getByTestId('menu-toggle');
    await toggle.click();
    await page().getByTestId('menu-panel').waitFor({ state: 'visible' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page().waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'nav-inbox');
    await screenshot(page(), 'menu-open-phone');
    await page().keyboard.press('Escape');
    await page().getByTestId('menu-panel').waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-toggle');

    await toggle.click();
    await page().getByTestId('nav-settings').click();
    await page().waitForURL(/\/settings$/);
    expect(await page().getByTestId('menu-panel').isVisible()).toBe(false);
    await page().setViewportSize(VIEWPORTS.desktop);
  });

  it('on a phone a conversation fills the screen, Back returns to the list, and toasts stay off the composer', async () => {
    await page().setViewportSize(VIEWPORTS.phone);
    await page().goto(`${session.server.url}/inbox/${stage.conversationId}`);
    await page().getByTestId('composer-input').waitFor();
    const close = page().getByTestId('contact-panel-close');
    if (await close.isVisible()) await close.click();
    expect(await page().getByTestId('conversation-list').isVisible()).toBe(false);
    await screenshot(page(), 'conversation-full-phone');
    const composer = await page().locator('sb-chat-composer').boundingBox();
    expect(composer && Math.round(composer.y + composer.height)).toBeGreaterThan(VIEWPORTS.phone.height - 20);

    // A new chat notifies the admin: its toast pops up while the conversation is open.
    // A widget chat is announced (and notified) by its customer's first message.
    const customer = await startWidgetCustomer(session.server.url, 'Toñi Tostada');
    await customerSays(session.server.url, customer, 'Hola, ¿está mi pedido?');
    const toast = page().getByTestId('toast').first();
    await toast.waitFor({ timeout: 15_000 });
    await settle(page());
    const toastBox = await toast.boundingBox();
    const composerTop = (await page().locator('sb-chat-composer').boundingBox())?.y ?? 0;
    expect(toastBox && toastBox.y >= 0 && toastBox.y + toastBox.height <= composerTop).toBe(true);
    await screenshot(page(), 'conversation-toast-phone');

    await page().getByTestId('conversation-back').click();
    await page().waitForURL((url) => url.pathname === '/inbox');
    await page().getByTestId('conversation-list').waitFor();
    await page().setViewportSize(VIEWPORTS.desktop);
  });

  it('an agent and a marketer reach their own pages from the menu', async () => {
    for (const [user, path, nav] of [
      [AGENT, '/inbox', ['nav-inbox', 'nav-contacts', 'nav-canned-responses']],
      [MARKETER, '/campaigns', ['nav-campaigns']],
    ] as const) {
      const context = await page().context().browser()?.newContext();
      if (!context) throw new Error('no browser');
      const other = await context.newPage();
      await signInThroughUi(other, session.server.url, path, user);
      await waitForConnection(other, 'connected');
      await checkAtSmallSizes(other, `${user.role}-home`, nav);
      await context.close();
    }
  });
});
