import type { Page } from 'playwright-core';
import { screenshots } from './support/artifacts';
import { signInThroughUi, useServerAndPage, waitForConnection } from './support/session';
import { waitForMessage } from './support/thread';
import { customerSays, startWidgetCustomer, storedTexts, type WidgetCustomer } from './support/widget-customer';

const GREETING = 'Hola {{contact.name}}, soy {{agent.name}}. Tu pedido {{order.id}} está en camino.';

/** Waits until the composer's suggestions read `labels` (short codes, space-separated), in that order. */
function suggestionsRead(page: Page, labels: string) {
  return page.waitForFunction(
    (expected) =>
      Array.from(document.querySelectorAll('[data-testid="composer-suggestion"] .label'))
        .map((label) => label.textContent?.trim())
        .join(' ') === expected,
    labels,
  );
}

describe('canned replies', () => {
  const session = useServerAndPage();
  let customer: WidgetCustomer;

  it('the canned replies page creates replies, with our rules and the server’s beside each field', async () => {
    const { page, server } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInThroughUi(page, server.url, '/canned-responses');
    await page.getByTestId('view-empty').waitFor({ timeout: 10_000 });

    await page.getByTestId('canned-new').click();
    await page.getByTestId('canned-short-code').fill('two words');
    await page.getByTestId('canned-save').click();
    expect(await page.getByTestId('canned-short-code-error').innerText()).toMatch(/1 to 32 lower-case letters/);
    expect(await page.getByTestId('canned-content-error').innerText()).toBe('Write the reply.');

    await page.getByTestId('canned-short-code').fill('saludo');
    await page.getByTestId('canned-content').fill(GREETING);
    await page.getByTestId('canned-save').click();
    await page.getByTestId('canned-item').filter({ hasText: '/saludo' }).waitFor();

    await page.getByTestId('canned-new').click();
    await page.getByTestId('canned-short-code').fill('despedida');
    await page.getByTestId('canned-content').fill('Gracias por escribirnos, {{contact.name}}.');
    await page.getByTestId('canned-save').click();
    await page.getByTestId('canned-item').filter({ hasText: '/despedida' }).waitFor();

    // A short code taken: the server's 409, shown on the field.
    await page.getByTestId('canned-new').click();
    await page.getByTestId('canned-short-code').fill('Saludo');
    await page.getByTestId('canned-content').fill('Otra vez');
    await page.getByTestId('canned-save').click();
    expect(await page.getByTestId('canned-short-code-error').innerText()).toBe(
      'Another canned response has this short code',
    );
    await screenshots(page, 'canned-page');
    await page.getByTestId('canned-cancel').click();

    expect(
      await page.getByTestId('canned-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-short-code'))),
    ).toEqual(['despedida', 'saludo']);
  });

  it('in the composer, / lists the replies by short code; arrows and Enter insert one with its variables filled', async () => {
    const { page, server } = session;
    customer = await startWidgetCustomer(server.url, 'Carla Cliente');
    await customerSays(server.url, customer, 'Hola, ¿dónde está mi pedido?');
    await page.goto(`${server.url}/inbox/${customer.conversationId}`);
    await waitForConnection(page, 'connected');
    await waitForMessage(page, 'Hola, ¿dónde está mi pedido?');

    // The contact panel would cover the thread on the phone screenshot: this test is about the composer.
    await page.getByTestId('contact-panel-close').click();
    const composer = page.getByTestId('composer-input');
    const choices = page.getByTestId('composer-suggestion');
    await composer.click();
    await composer.pressSequentially('/');
    await choices.first().waitFor({ timeout: 10_000 });
    expect(await choices.locator('.label').allInnerTexts()).toEqual(['/despedida', '/saludo']);

    // Escape closes the list and leaves what was typed.
    await composer.press('Escape');
    await page.getByTestId('composer-suggestions').waitFor({ state: 'detached' });
    expect(await composer.inputValue()).toBe('/');
    await composer.fill('');

    // Short codes starting with what is typed come first, then those containing it.
    // The list for "/" shows before the "s" is typed, with the same replies in another order: wait
    // for the order the query gives rather than read the first list that appears.
    await composer.pressSequentially('/s');
    await suggestionsRead(page, '/saludo /despedida');
    await composer.pressSequentially('al');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="composer-suggestion"]').length === 1);
    expect(await choices.locator('.label').allInnerTexts()).toEqual(['/saludo']);
    for (let i = 0; i < 3; i++) await composer.press('Backspace');
    // Back to every reply, by short code (the list for "/s" had the same length in another order).
    await suggestionsRead(page, '/despedida /saludo');
    await composer.press('ArrowDown');
    const picked = choices.filter({ hasText: '/saludo' });
    // The highlight is drawn on the next render: wait for it rather than read it at once.
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="composer-suggestion"][aria-selected="true"] .label')
          ?.textContent?.trim() === '/saludo',
    );
    expect(await picked.getAttribute('aria-selected')).toBe('true');
    // The picker shows the reply as it will read, and says which variable stays as written.
    expect(await picked.innerText()).toContain('Hola Carla Cliente, soy Administrator.');
    expect(await picked.getByTestId('composer-suggestion-warning').innerText()).toContain('{{order.id}}');
    await screenshots(page, 'canned-picker');

    await composer.press('Enter');
    const filled = 'Hola Carla Cliente, soy Administrator. Tu pedido {{order.id}} está en camino.';
    expect(await composer.inputValue()).toBe(filled);
    // The picker closes on the next render, as the highlight was drawn: wait for it to go.
    await page.getByTestId('composer-suggestions').waitFor({ state: 'detached' });
    expect(await page.getByTestId('composer-suggestions').count()).toBe(0);

    // The agent fills in what the app could not, and sends it.
    await composer.fill(filled.replace('{{order.id}}', 'A-1001'));
    await composer.press('Enter');
    const sent = 'Hola Carla Cliente, soy Administrator. Tu pedido A-1001 está en camino.';
    await waitForMessage(page, sent, ['sent', 'delivered', 'read']);
    expect(await storedTexts(server.url, customer)).toContain(sent);
  });

  it('a deleted reply is gone from the page and from the composer', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/canned-responses`);
    const item = page.getByTestId('canned-item').filter({ hasText: '/despedida' });
    await item.getByTestId('canned-delete').click();
    await item.getByTestId('canned-delete-confirm').click();
    await item.waitFor({ state: 'detached' });

    await page.goto(`${server.url}/inbox/${customer.conversationId}`);
    await waitForConnection(page, 'connected');
    await page.getByTestId('composer-input').click();
    await page.getByTestId('composer-input').pressSequentially('/');
    await page.getByTestId('composer-suggestion').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('composer-suggestion').locator('.label').allInnerTexts()).toEqual(['/saludo']);
  });
});
