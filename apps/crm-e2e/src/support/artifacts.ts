import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Screenshots land here (gitignored through `tmp`); E2E_ARTIFACTS_DIR moves them (CI uploads that folder). */
export const ARTIFACTS_DIR = process.env['E2E_ARTIFACTS_DIR'] ?? join(__dirname, '../../../../tmp/e2e-artifacts');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  tablet: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * The page as a person sees it, at a desktop's, a tablet's and a phone's size: `<name>-desktop.png`,
 * `<name>-tablet.png` and `<name>-phone.png`. `arrange` runs after each resize (open a panel on the phone, wait for the
 * layout); the page is left at its size from before.
 */
export async function screenshots(
  page: Page,
  name: string,
  arrange?: (viewport: ViewportName) => Promise<void>,
): Promise<string[]> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const before = page.viewportSize();
  const files: string[] = [];
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await arrange?.(viewport);
    // Layout and fonts settle after a resize (the thread sticks to its bottom on the next frame).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const file = join(ARTIFACTS_DIR, `${name}-${viewport}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  if (before) await page.setViewportSize(before);
  return files;
}
