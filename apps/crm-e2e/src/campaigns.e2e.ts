import type { Page } from 'playwright-core';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';

const RECIPIENTS = 60;
const RATE_PER_SECOND = 20;

/** The campaign page's progress bar value, 0–100. */
async function percent(page: Page): Promise<number> {
  return Number(await page.getByTestId('campaign-progress').getAttribute('data-percent'));
}

describe('bulk campaigns in a real browser', () => {
  const session = useServerAndPage();
  let campaignUrl: string;

  it('the admin signs in and opens the campaigns page, empty and live', async () => {
    await signInThroughUi(session.page, session.server.url, '/campaigns');
    await session.page.goto(`${session.server.url}/campaigns`);
    await waitForConnection(session.page, 'connected');
    await session.page.getByTestId('view-empty').waitFor({ timeout: 15_000 });
    await session.page.waitForFunction(
      () => document.querySelector('[data-testid="live-status"]')?.getAttribute('data-live') === 'true',
      undefined,
      {
        timeout: 15_000,
      },
    );
  });

  it('pastes 60 recipients, previews them and creates the campaign', async () => {
    const page = session.page;
    await page.getByTestId('new-campaign').click();
    await page.waitForURL(/\/campaigns\/new$/);

    await page.getByTestId('campaign-name-input').fill('Spring sale');
    await page.getByTestId('campaign-content-input').fill('Hi {{name}}, spring sale starts today!');
    await page.getByTestId('campaign-rate-input').fill(String(RATE_PER_SECOND));
    const lines = Array.from(
      { length: RECIPIENTS },
      (_, i) => `+3460010${String(i + 1).padStart(4, '0')},Customer ${i + 1}`,
    );
    await page.getByTestId('campaign-recipients').fill(lines.join('\n'));
    expect(await page.getByTestId('campaign-create-button').isDisabled()).toBe(true);

    await page.getByTestId('campaign-preview-button').click();
    await page.getByTestId('campaign-preview').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('preview-total').textContent()).toBe(String(RECIPIENTS));
    expect(await page.getByTestId('preview-duplicates').textContent()).toBe('0');
    expect(await page.getByTestId('invalid-row').count()).toBe(0);
    expect(await page.getByTestId('preview-messages').textContent()).toContain(
      'Hi Customer 1, spring sale starts today!',
    );

    const create = page.getByTestId('campaign-create-button');
    expect(await create.isEnabled()).toBe(true);
    await create.click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    campaignUrl = page.url();
  });

  it('the progress bar moves through intermediate values while sending, then the campaign completes with 60 sent', async () => {
    const page = session.page;
    await page.getByTestId('campaign-progress').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('campaign-total').textContent()).toBe(String(RECIPIENTS));

    // At 20 a second, 60 messages take about 3 s: the bar has to show a value strictly in between.
    await page.waitForFunction(
      () => {
        const value = Number(document.querySelector('[data-testid="campaign-progress"]')?.getAttribute('data-percent'));
        return value > 0 && value < 100;
      },
      undefined,
      { timeout: 10_000, polling: 'raf' },
    );
    const intermediate = await percent(page);
    expect(intermediate).toBeGreaterThan(0);
    expect(intermediate).toBeLessThan(100);

    await page.waitForFunction(
      () => document.querySelector('[data-testid="campaign-status"]')?.getAttribute('data-status') === 'completed',
      undefined,
      { timeout: 30_000 },
    );
    expect(await percent(page)).toBe(100);
    expect((await page.getByTestId('campaign-sent').textContent())?.trim()).toBe(String(RECIPIENTS));
    expect((await page.getByTestId('campaign-failed').textContent())?.trim()).toBe('0');
    // A finished campaign can no longer be paused, resumed or cancelled.
    for (const id of ['campaign-pause', 'campaign-resume', 'campaign-cancel']) {
      expect(await page.getByTestId(id).isDisabled()).toBe(true);
    }
  });

  it('the list shows the campaign completed with its figures', async () => {
    const page = session.page;
    await page.getByRole('link', { name: /All campaigns/ }).click();
    await page.waitForURL(/\/campaigns$/);
    const id = campaignUrl.split('/').pop() ?? '';
    const row = page.locator(`[data-testid="campaign-row"][data-campaign-id="${id}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('campaign-status').getAttribute('data-status')).toBe('completed');
    expect((await row.getByTestId('campaign-sent').textContent())?.trim()).toBe(String(RECIPIENTS));
  });
});
