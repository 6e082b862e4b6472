import type { Page } from 'playwright-core';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';
import { customerSays, startWidgetCustomer } from './support/widget-customer';

/** How many conversations the conversations chart says were opened today (its accessible summary). */
async function chartOpened(page: Page): Promise<number> {
  const summary = await page.getByTestId('chart-conversations').locator('canvas').getAttribute('aria-label');
  return Number(/(\d+) conversations opened/.exec(summary ?? '')?.[1]);
}

/** The raw number a dashboard card shows (its data-value). */
async function cardValue(page: Page, testId: string): Promise<number> {
  const value = await page.getByTestId(testId).locator('[data-role="value"]').getAttribute('data-value');
  return Number(value);
}

describe('the supervisor dashboard in a real browser', () => {
  const session = useServerAndPage();
  let unattendedBefore: number;
  let openedBefore: number;

  it('the admin signs in through the UI and opens the live dashboard', async () => {
    await signInThroughUi(session.page, session.server.url, '/dashboard');
    await session.page.goto(`${session.server.url}/dashboard`);
    await waitForConnection(session.page, 'connected');

    await session.page.getByTestId('stats-cards').waitFor({ timeout: 15_000 });
    await session.page.waitForFunction(
      () => document.querySelector('[data-testid="live-badge"]')?.getAttribute('data-live') === 'true',
      undefined,
      {
        timeout: 15_000,
      },
    );
    for (const id of [
      'stat-open',
      'stat-attended',
      'stat-first-response',
      'stat-agents-online',
      'stat-messages-today',
      'agent-table',
    ]) {
      expect(await session.page.getByTestId(id).isVisible()).toBe(true);
    }
    for (const id of ['chart-conversations', 'chart-messages', 'chart-first-response']) {
      await session.page.getByTestId(id).waitFor({ timeout: 15_000 });
    }
    // The definition is on the card, behind its info button (a tap works; no hover tooltip).
    const card = session.page.getByTestId('stat-unattended');
    await card.locator('[data-role="info"]').click();
    const definition = card.locator('[data-role="definition"]');
    await definition.waitFor({ state: 'visible' });
    expect(await definition.innerText()).toBe('Open conversations nobody is assigned to');
    expect(new URL(session.page.url()).pathname).toBe('/dashboard');
    unattendedBefore = await cardValue(session.page, 'stat-unattended');
    openedBefore = await chartOpened(session.page);
    expect(Number.isInteger(openedBefore)).toBe(true);
    expect(Number.isInteger(unattendedBefore)).toBe(true);
  });

  it('a new widget chat raises the unattended count and the chart by one within 3 s, without a reload', async () => {
    let reloaded = false;
    session.page.once('load', () => (reloaded = true));
    // A widget chat counts from its customer's first message.
    await customerSays(session.server.url, await startWidgetCustomer(session.server.url, 'Dana'), 'Hola');

    await session.page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="stat-unattended"] [data-role="value"]')?.getAttribute('data-value') ===
        String(expected),
      unattendedBefore + 1,
      { timeout: 3_000 },
    );
    // The chart moves with the same push as the card, not on a later fetch.
    expect(await chartOpened(session.page)).toBe(openedBefore + 1);
    expect(reloaded).toBe(false);
  });

  it('clicking the unattended card opens the inbox on Unassigned, where Dana is listed', async () => {
    await session.page.getByTestId('stat-unattended').click();
    await session.page.waitForURL(/\/inbox\?tab=unassigned/);
    const selected = session.page.getByTestId('inbox-tab-unassigned');
    await selected.waitFor();
    expect(await selected.getAttribute('aria-selected')).toBe('true');
    await session.page.getByTestId('conversation-item').filter({ hasText: 'Dana' }).waitFor({ timeout: 10_000 });
  });
});
