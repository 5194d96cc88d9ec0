import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';

/**
 * How long a page of the app takes to become usable from a blank tab: from navigation to
 * `#hash` until the first element matching `ready` is there (the desktop benches' one measure).
 */
export async function timeToReady(page: Page, url: string, hash: string, ready: string, timeoutMs = 600_000): Promise<number> {
  await page.goto('about:blank');
  const start = performance.now();
  await page.goto(`${url}#${hash}`);
  await page.locator(ready).first().waitFor({ timeout: timeoutMs });
  return performance.now() - start;
}
