import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page, Response } from 'playwright-core';
import { launchChromium } from './support/browser';
import { adminToken, createMember } from './support/rest';
import { startE2eServer, type E2eServer } from './support/server';
import { signInThroughUi, waitForConnection } from './support/session';
import { waitForMessage } from './support/thread';

const AGENT = { name: 'Ana Agente', email: 'ana@e2e.local', password: 'ana-password-1', role: 'agent' as const };
const SUPERVISOR = {
  name: 'Sergio Supervisor',
  email: 'sergio@e2e.local',
  password: 'sergio-password-1',
  role: 'supervisor' as const,
};
const MARKETER = {
  name: 'Marta Marketing',
  email: 'marta@e2e.local',
  password: 'marta-password-1',
  role: 'marketer' as const,
};

/** A real 40 × 30 PNG, one colour: the agent's page loads it through its signed URL. */
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAACgAAAAeCAIAAADRv8uKAAAAK0lEQVR4nO3NMQ0AAAgDsMlBDrKRhQw4mvRvputExGKxWCwWi8VisVj8N14vntxMf8LYZAAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Every page of the built app, opened in Chromium by the people who use it, under the server's
 * Content-Security-Policy: a blocked script, style, picture or connection, a console error or an
 * uncaught exception is something a user would suffer, so any of them fails the page.
 */
describe('every page runs under the Content-Security-Policy without a violation or a console error', () => {
  let server: E2eServer;
  let browser: Browser;
  /** A customer's site, named in WIDGET_FRAME_ANCESTORS, and a site that is not. */
  let shop: HostSite;
  let elsewhere: HostSite;
  /** Everything any watched page reported, with the page it came from. */
  const problems: string[] = [];

  beforeAll(async () => {
    shop = await startHostSite();
    elsewhere = await startHostSite();
    server = await startE2eServer({ env: { WIDGET_FRAME_ANCESTORS: shop.origin } });
    browser = await launchChromium();
    const token = await adminToken(server.url);
    for (const member of [AGENT, SUPERVISOR, MARKETER]) await createMember(server.url, token, member);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await shop?.close();
    await elsewhere?.close();
  });

  /** A fresh browser profile whose every page reports its violations and errors into `problems`. */
  async function watchedPage(): Promise<Page> {
    const context = await browser.newContext();
    // Chromium logs most violations itself; the event also catches those it only reports to the page.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(
          `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile}:${e.lineNumber})`,
        ),
      );
    });
    context.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.page()?.url()}: ${message.text()}`);
    });
    context.on('weberror', (error) => problems.push(`${error.page()?.url()}: uncaught ${error.error().message}`));
    return context.newPage();
  }

  /** What the pages reported while `visit` ran, after letting late work (charts, snapshots) settle. */
  async function problemsDuring(page: Page, visit: () => Promise<void>): Promise<string[]> {
    const before = problems.length;
    await visit();
    await page.waitForTimeout(500);
    return problems.slice(before);
  }

  /** The document came with the policy under test, so a clean console means something. */
  function expectUnderPolicy(response: Response | null): void {
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
  }

  let customer: Page;
  let agent: Page;

  it('the login page', async () => {
    const page = await watchedPage();
    expect(
      await problemsDuring(page, async () => {
        expectUnderPolicy(await page.goto(`${server.url}/login`));
        await page.getByTestId('login-email').waitFor();
      }),
    ).toEqual([]);
  });

  it('the widget: its start form, then a live chat with a picture', async () => {
    customer = await watchedPage();
    expect(
      await problemsDuring(customer, async () => {
        expectUnderPolicy(await customer.goto(`${server.url}/widget`));
        await customer.getByTestId('widget-name').fill('Clara Cliente');
        await customer.getByTestId('widget-email').fill('clara@example.com');
        await customer.getByTestId('widget-start').click();
        await customer.getByTestId('composer-input').waitFor({ timeout: 15_000 });
        await waitForConnection(customer, 'connected');
        await customer.getByTestId('composer-input').fill('Hola, ¿hay alguien?');
        await customer.getByTestId('composer-input').press('Enter');
        await waitForMessage(customer, 'Hola, ¿hay alguien?', ['sent', 'delivered', 'read']);
        await customer
          .getByTestId('attach-input')
          .setInputFiles({ name: 'ticket.png', mimeType: 'image/png', buffer: PICTURE });
        await loadedPicture(customer, 'ticket.png');
      }),
    ).toEqual([]);
  });

  it("the agent's inbox and the customer's conversation, picture included", async () => {
    agent = await watchedPage();
    expect(
      await problemsDuring(agent, async () => {
        await signInThroughUi(agent, server.url, '/inbox', AGENT);
        await waitForConnection(agent, 'connected');
        await agent.getByTestId('conversation-item').filter({ hasText: 'Clara Cliente' }).click();
        await agent.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
        await waitForMessage(agent, 'Hola, ¿hay alguien?');
        await loadedPicture(agent, 'ticket.png');
        await agent.getByTestId('composer-input').fill('Hola Clara, aquí estoy');
        await agent.getByTestId('composer-input').press('Enter');
        await waitForMessage(customer, 'Hola Clara, aquí estoy');
      }),
    ).toEqual([]);
    // A reload opens the conversation as a document of its own, under the policy.
    expect(
      await problemsDuring(agent, async () => {
        expectUnderPolicy(await agent.reload());
        await waitForMessage(agent, 'Hola Clara, aquí estoy');
      }),
    ).toEqual([]);
  });

  it("the agent's notifications and account pages", async () => {
    expect(
      await problemsDuring(agent, async () => {
        expectUnderPolicy(await agent.goto(`${server.url}/notifications`));
        await agent.getByTestId('notification-preferences').waitFor();
        await agent.locator('[data-testid="live-status"][data-live="true"]').waitFor({ timeout: 15_000 });
        expectUnderPolicy(await agent.goto(`${server.url}/account`));
        await agent.getByTestId('account-profile').waitFor({ timeout: 15_000 });
      }),
    ).toEqual([]);
  });

  it("the supervisor's dashboard, charts drawn, and team page", async () => {
    const supervisor = await watchedPage();
    expect(
      await problemsDuring(supervisor, async () => {
        await signInThroughUi(supervisor, server.url, '/dashboard', SUPERVISOR);
        await waitForConnection(supervisor, 'connected');
        await supervisor.getByTestId('stats-cards').waitFor({ timeout: 15_000 });
        await supervisor.getByTestId('agent-table').waitFor({ timeout: 15_000 });
        expectUnderPolicy(await supervisor.goto(`${server.url}/team`));
        await supervisor.locator(`[data-testid="team-row"][data-email="${AGENT.email}"]`).waitFor({ timeout: 15_000 });
      }),
    ).toEqual([]);
  });

  it("the marketer's campaigns: the list, a new campaign with its preview, and the campaign's own live page", async () => {
    const marketer = await watchedPage();
    expect(
      await problemsDuring(marketer, async () => {
        await signInThroughUi(marketer, server.url, '/campaigns', MARKETER);
        await waitForConnection(marketer, 'connected');
        await marketer.locator('[data-testid="live-status"][data-live="true"]').waitFor({ timeout: 15_000 });

        expectUnderPolicy(await marketer.goto(`${server.url}/campaigns/new`));
        await marketer.getByTestId('campaign-name-input').fill('Oferta de otoño');
        await marketer.getByTestId('campaign-content-input').fill('Hola {{name}}, ¡llega el otoño!');
        await marketer.getByTestId('campaign-recipients').fill('+34600100001,Uno\n+34600100002,Dos');
        await marketer.getByTestId('campaign-preview-button').click();
        await marketer.getByTestId('campaign-preview').waitFor({ timeout: 10_000 });
        await marketer.getByTestId('campaign-create-button').click();
        await marketer.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 10_000 });
        await marketer.waitForFunction(
          () => document.querySelector('[data-testid="campaign-status"]')?.getAttribute('data-status') === 'completed',
          undefined,
          { timeout: 30_000 },
        );

        expectUnderPolicy(await marketer.reload());
        await marketer.getByTestId('campaign-progress').waitFor({ timeout: 10_000 });
      }),
    ).toEqual([]);
  });

  it("the admin's settings", async () => {
    const admin = await watchedPage();
    expect(
      await problemsDuring(admin, async () => {
        await signInThroughUi(admin, server.url, '/settings');
        await waitForConnection(admin, 'connected');
        await admin.getByTestId('channel-settings').waitFor({ timeout: 15_000 });
        await admin.getByTestId('bot-settings').waitFor({ timeout: 15_000 });
      }),
    ).toEqual([]);
  });

  it('the OpenAPI page renders the API and answers a call made from it', async () => {
    const page = await watchedPage();
    expect(
      await problemsDuring(page, async () => {
        expectUnderPolicy(await page.goto(`${server.url}/api/docs`));
        const live = page.locator('.opblock-get').filter({ hasText: '/api/health/live' }).first();
        await live.locator('.opblock-summary').click();
        await live.getByText('Try it out').click();
        await live.getByText('Execute').click();
        await live
          .locator('.live-responses-table .response-col_status')
          .filter({ hasText: '200' })
          .first()
          .waitFor({ timeout: 10_000 });
      }),
    ).toEqual([]);
  });

  it('a site WIDGET_FRAME_ANCESTORS names shows the widget in its iframe; another site cannot, and none can frame the app', async () => {
    const context = await browser.newContext();
    const shopPage = await context.newPage();
    const shopErrors = consoleErrors(shopPage);
    await shopPage.goto(shop.framing(`${server.url}/widget`));
    await shopPage.frameLocator('iframe').getByTestId('widget-name').waitFor({ timeout: 15_000 });
    expect(shopErrors).toEqual([]);

    const refusals = [
      { site: elsewhere, path: '/widget', policy: `frame-ancestors ${shop.origin}` },
      { site: shop, path: '/login', policy: "frame-ancestors 'none'" },
      { site: shop, path: '/inbox', policy: "frame-ancestors 'none'" },
    ];
    for (const { site, path, policy } of refusals) {
      const page = await context.newPage();
      const refused = page.waitForEvent('console', {
        predicate: (m) => m.text().includes('frame-ancestors'),
        timeout: 15_000,
      });
      // Chromium shows its error page in the frame instead; it may get there after the console message.
      const errorPage = page.waitForEvent('framenavigated', {
        predicate: (frame) => frame.url() === 'chrome-error://chromewebdata/',
        timeout: 15_000,
      });
      await page.goto(site.framing(`${server.url}${path}`));
      expect((await refused).text()).toContain(policy);
      expect((await errorPage).url()).toBe('chrome-error://chromewebdata/');
    }
  });

  it('nothing was reported late by any page opened above', () => {
    expect(problems).toEqual([]);
  });
});

/** Waits until the message picture named `name` has loaded (a blocked image never gets its width). */
async function loadedPicture(page: Page, name: string): Promise<void> {
  const picture = page.getByTestId('message').locator(`img[alt="${name}"]`);
  await picture.waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 40,
    await picture.elementHandle(),
    {
      timeout: 10_000,
    },
  );
}

interface HostSite {
  origin: string;
  /** The address of a page of this site that shows `src` in an iframe, as a site installing the widget does. */
  framing(src: string): string;
  close(): Promise<void>;
}

/**
 * Another site on this machine (a loopback origin of its own: Chromium refuses to let a public
 * site frame a local one whatever the headers say).
 */
async function startHostSite(): Promise<HostSite> {
  const site: Server = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://host').searchParams.get('src') ?? '';
    res.setHeader('content-type', 'text/html');
    res.end(
      `<!doctype html><title>Shop</title><h1>Contact us</h1><iframe src="${src.replace(/"/g, '&quot;')}" width="400" height="600"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  return {
    origin,
    framing: (src) => `${origin}/contact?src=${encodeURIComponent(src)}`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  };
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
