import type { Page } from 'playwright-core';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';
import { customerSays, startWidgetCustomer } from './support/widget-customer';

/** What the bell's badge says as a number: 0 when it is absent. */
function badgeCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const text = document.querySelector('[data-testid="unread-count"]')?.textContent?.trim();
    return text ? Number.parseInt(text, 10) : 0;
  });
}

function waitForBadge(page: Page, count: number, timeout = 15_000) {
  return page.waitForFunction(
    (expected) => {
      const text = document.querySelector('[data-testid="unread-count"]')?.textContent?.trim();
      return (text ? Number.parseInt(text, 10) : 0) === expected;
    },
    count,
    { timeout },
  );
}

describe('notifications in a real browser', () => {
  const session = useServerAndPage();
  let before = 0;

  it('the admin signs in through the UI and the bell shows the unread count from the server', async () => {
    await signInThroughUi(session.page, session.server.url, '/inbox');
    await waitForConnection(session.page, 'connected');
    await session.page.getByTestId('nav-notifications').waitFor({ timeout: 10_000 });
    // Let the first snapshot land before noting the count.
    await session.page.waitForTimeout(1_000);
    before = await badgeCount(session.page);
  });

  it('a customer starting a widget chat raises the badge by one and pops up a toast, without a reload', async () => {
    const urlBefore = session.page.url();
    // A widget chat is announced by its customer's first message.
    await customerSays(session.server.url, await startWidgetCustomer(session.server.url, 'Ema'), 'Hola');

    await waitForBadge(session.page, before + 1);
    const toast = session.page.getByTestId('toast').filter({ hasText: 'Ema' });
    await toast.waitFor({ timeout: 15_000 });
    expect(session.page.url()).toBe(urlBefore);
  });

  it('the bell opens a panel listing it as unread; "Mark all read" clears the badge', async () => {
    const urlBefore = session.page.url();
    await session.page.getByTestId('nav-notifications').click();
    const panel = session.page.getByTestId('notification-panel');
    await panel.waitFor({ timeout: 10_000 });
    expect(session.page.url()).toBe(urlBefore);

    const first = panel.getByTestId('notification-item').first();
    await first.waitFor({ timeout: 10_000 });
    expect(await first.innerText()).toMatch(/Ema/);
    expect(await first.getAttribute('data-read')).toBe('false');

    await panel.getByTestId('mark-all-read').click();
    await session.page.getByTestId('unread-count').waitFor({ state: 'detached', timeout: 10_000 });
    await session.page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-testid="notification-item"]')).every(
          (el) => el.getAttribute('data-read') === 'true',
        ),
      undefined,
      { timeout: 10_000 },
    );

    // The server agrees: a reload shows no badge.
    await session.page.reload();
    await waitForConnection(session.page, 'connected');
    await session.page.getByTestId('nav-notifications').waitFor({ timeout: 10_000 });
    await session.page.waitForTimeout(1_000);
    expect(await badgeCount(session.page)).toBe(0);
  });

  it("with a conversation open, a new toast stays clear of the composer's Send button", async () => {
    const page = session.page;
    await page.getByTestId('conversation-item').filter({ hasText: 'Ema' }).click();
    await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/);
    const send = page.getByTestId('composer-send');
    await send.waitFor({ timeout: 10_000 });

    await customerSays(session.server.url, await startWidgetCustomer(session.server.url, 'Fede'), 'Hola');
    const toast = page.getByTestId('toast').filter({ hasText: 'Fede' });
    await toast.waitFor({ timeout: 15_000 });
    // Past its entry animation.
    await page.waitForTimeout(400);
    const [a, b] = [await toast.boundingBox(), await send.boundingBox()];
    if (!a || !b) throw new Error('toast or Send button not laid out');
    const overlaps = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps).toBe(false);
    // A pointer on its way to Send reaches it, and the button answers.
    await send.hover();
    expect(await send.evaluate((el) => el.matches(':hover'))).toBe(true);
  });

  it('Escape closes the panel', async () => {
    await session.page.getByTestId('nav-notifications').click();
    await session.page.getByTestId('notification-panel').waitFor({ timeout: 10_000 });
    await session.page.keyboard.press('Escape');
    await session.page.getByTestId('notification-panel').waitFor({ state: 'detached', timeout: 5_000 });
  });
});
