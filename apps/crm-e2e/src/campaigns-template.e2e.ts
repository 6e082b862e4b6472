import type { Page } from 'playwright-core';
import { adminToken, createMember, rest } from './support/rest';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';

const MARKETER = {
  name: 'Marta',
  email: 'marta@e2e.local',
  password: 'marketer-password-1',
  role: 'marketer' as const,
};

const CSV = [
  'phone,name,code',
  '+34600200001,Ana,A-1',
  '+34600200002,Luis,B-2',
  'not-a-phone,Nobody,C-3',
  '+34600200004,Eva,D-4',
].join('\n');

/** A `datetime-local` value `seconds` from now, in the browser's (this machine's) time zone. */
function localInputValue(seconds: number): string {
  const d = new Date(Date.now() + seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The count a funnel step shows. */
function waitForFunnel(page: Page, step: string, count: number, timeout = 20_000) {
  return page.waitForFunction(
    ([s, n]) => document.querySelector(`[data-testid="funnel-${s}"]`)?.getAttribute('data-count') === String(n),
    [step, count] as const,
    { timeout },
  );
}

describe('a scheduled template campaign in a real browser', () => {
  const session = useServerAndPage({
    env: { SANDBOX_DELIVERED_AFTER_MS: '500', SANDBOX_READ_AFTER_MS: '1500', CHANNEL_SWEEP_INTERVAL_MS: '500' },
  });
  let templateId: string;

  it('an approved template is in the catalogue, and a marketer on the team', async () => {
    const token = await adminToken(session.server.url);
    await createMember(session.server.url, token, MARKETER);
    const created = await rest<{ id: string }>(session.server.url, 'POST', '/api/channels/templates', token, {
      name: 'spring_promo',
      language: 'es',
      category: 'marketing',
      body: 'Hola {{1}}, tu código es {{2}}',
    });
    expect(created.status).toBe(201);
    templateId = created.body.id;
  });

  it('the marketer picks the template, maps its variables to CSV columns and schedules it', async () => {
    const page = session.page;
    await signInThroughUi(page, session.server.url, '/campaigns/new', MARKETER);
    await page.goto(`${session.server.url}/campaigns/new`);
    await waitForConnection(page, 'connected');
    await page.getByTestId('campaign-name-input').fill('Spring promo');
    await page.getByTestId('mode-file').check();
    await page
      .getByTestId('campaign-file')
      .setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.locator(`[data-testid="campaign-template-select"] option[value="${templateId}"]`).waitFor({
      state: 'attached',
    });
    await page.getByTestId('campaign-template-select').selectOption(templateId);
    await page.getByTestId('template-mapping').waitFor();
    await page.getByTestId('template-variable-0').selectOption('name');
    await page.getByTestId('campaign-preview-button').click();
    // {{2}} is still unmapped: refused before anything is sent.
    await page.getByTestId('template-error').waitFor();
    await page.getByTestId('template-variable-1').selectOption('code');
    await page.getByTestId('campaign-skip-invalid').check();
    await page.getByTestId('start-later').check();
    await page.getByTestId('campaign-schedule-at').fill(localInputValue(8));

    await page.getByTestId('campaign-preview-button').click();
    await page.getByTestId('campaign-preview').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('preview-total').textContent()).toBe('3');
    expect(await page.getByTestId('preview-messages').textContent()).toContain('Hola Ana, tu código es A-1');
    await page.getByTestId('campaign-create-button').click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/, { timeout: 10_000 });
  });

  it('shows it scheduled with a cancel button, then it starts by itself and the funnel fills live', async () => {
    const page = session.page;
    await page.getByTestId('campaign-scheduled').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('campaign-status').getAttribute('data-status')).toBe('scheduled');
    expect(await page.getByTestId('campaign-cancel').isEnabled()).toBe(true);
    expect(await page.getByTestId('campaign-skipped-rows').textContent()).toContain('1');

    await page.waitForFunction(
      () => document.querySelector('[data-testid="campaign-status"]')?.getAttribute('data-status') === 'completed',
      undefined,
      { timeout: 30_000 },
    );
    await waitForFunnel(page, 'sent', 3);
    await waitForFunnel(page, 'delivered', 3);
    await waitForFunnel(page, 'read', 3);

    // A customer answers on WhatsApp: the funnel shows the reply without a reload.
    const token = await adminToken(session.server.url);
    const reply = await rest(session.server.url, 'POST', '/api/channels/sandbox/inbound', token, {
      from: '+34600200002',
      text: 'Me interesa',
    });
    expect(reply.status).toBe(201);
    await waitForFunnel(page, 'replied', 1);
  });
});
