import type { Page } from 'playwright-core';

/** Waits until a message with this text is shown (and, if given, has one of these statuses). */
export function waitForMessage(page: Page, text: string, statuses?: string[], timeout = 15_000) {
  return page.waitForFunction(
    ({ text, statuses }) =>
      Array.from(document.querySelectorAll('[data-testid="message"]')).some(
        (el) =>
          el.querySelector('[data-testid="message-text"]')?.textContent?.trim() === text &&
          (!statuses || statuses.includes(el.getAttribute('data-status') ?? '')),
      ),
    { text, statuses },
    { timeout },
  );
}
