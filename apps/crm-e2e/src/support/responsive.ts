import type { Page } from 'playwright-core';

/** How far the page scrolls sideways (0 when it fits the viewport's width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements wider than the viewport, for the failure message: `tag.class` and their right edge. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} → ${el.getBoundingClientRect().right}`,
      );
  });
}

/**
 * Tables wider than the screen, as `data-testid` (or `table`): they fit the page only by scrolling
 * inside their box, a column or more out of sight.
 */
export function tablesWiderThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('table'))
      .filter((t) => t.getBoundingClientRect().width > width)
      .map((t) => t.getAttribute('data-testid') ?? 'table');
  });
}

/** Two frames: layout and fonts settle after a resize or a navigation. */
export function settle(page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Whether the element is on screen: visible and inside the viewport (not scrolled out of a row). */
async function onScreen(page: Page, testId: string): Promise<boolean> {
  const locator = page.getByTestId(testId);
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}

/**
 * The main navigation can be reached: every link in `navTestIds` and the log-out button are on
 * screen, either in the top bar or in the menu its button opens (which Escape then closes).
 * Answers what could not be reached (empty when all could).
 */
export async function unreachableNavigation(page: Page, navTestIds: readonly string[]): Promise<string[]> {
  const toggle = page.getByTestId('menu-toggle');
  const usesMenu = await toggle.isVisible();
  if (usesMenu) {
    await toggle.click();
    await page.getByTestId('menu-panel').waitFor({ state: 'visible' });
    await settle(page);
  }
  const missing: string[] = [];
  for (const id of [...navTestIds, 'logout', 'language-switch']) {
    if (!(await onScreen(page, id))) missing.push(id);
  }
  if (usesMenu) {
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') missing.push('menu-toggle[aria-expanded=true]');
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-panel').waitFor({ state: 'hidden' });
  }
  return missing;
}
