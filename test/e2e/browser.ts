import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { openAppData, type AppData } from '../../electron/host/dataFolder';
import { startWebHost, type WebHost } from '../../electron/host/webHost';
import { expect } from 'vitest';
import { createApi } from '../../electron/services';
import { ROOT, readJson, tempDir } from '../helpers';

export const CHROMIUM = '/usr/bin/chromium';
/** End-to-end tests run where Debian's Chromium is installed (CI installs it). */
export const hasChromium = fs.existsSync(CHROMIUM);

export type Session = { host: WebHost; data: AppData; browser: Browser; page: Page; close(): Promise<void> };

/**
 * The web host over a fresh data folder, and a headless Chromium page at its address. With
 * `bundle` (a bundle file), the company is loaded through the API first and the page reloaded.
 */
export async function openSession(options: { quarter?: string; viewport?: { width: number; height: number }; bundle?: string } = {}): Promise<Session> {
  const data = await openAppData(tempDir());
  const host = await startWebHost({ services: data.services, rendererDir: path.join(ROOT, 'dist/renderer') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN' });
  const quarter = options.quarter ?? '2026Q3';
  await page.addInitScript({ content: `localStorage.setItem('tkpi-quarter', ${JSON.stringify(quarter)})` });
  await page.goto(host.url);
  await page.getByTestId('nav-home').waitFor();
  if (options.bundle) {
    const loaded = await createApi(data.services)['bundle.load']({ bundle: readJson(options.bundle) });
    if (!loaded.ok) throw new Error(`${options.bundle} did not load: ${loaded.error.code}`);
    await page.reload();
    await page.getByTestId('nav-home').waitFor();
  }
  return {
    host,
    data,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      data.db.close();
    },
  };
}

/** Clicks a left-navigation entry and waits for the page header to change. */
export async function go(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
}

/** The open dialog's field with this label. */
function field(page: Page, label: string) {
  return page.locator('.ant-modal .ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });
}

/** Types into a text, money or date field of the open dialog. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  const input = field(page, label).locator('input').first();
  await input.click();
  await input.fill(value);
  if ((await input.getAttribute('placeholder'))?.includes('日期')) await input.press('Enter');
}

/** Chooses an option of a select field of the open dialog, typing to search first. */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  await field(page, label).locator('.ant-select').click();
  await page.keyboard.type(option.split(' ')[0] ?? option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/**
 * Opens one select and clicks an option in that select's own list, until the select shows it.
 * The list is found through the select's aria-controls, so a neighbour's list that is still fading out
 * cannot take the click. On a loaded machine a click can land while the page re-renders under it
 * (the list stays open, the option only highlighted), so the click is tried again, at most three times.
 */
export async function choose(page: Page, select: Locator, option: string): Promise<void> {
  const combobox = select.locator('[role=combobox]');
  for (let attempt = 1; ; attempt++) {
    if ((await combobox.getAttribute('aria-expanded')) !== 'true') await select.click();
    await expect.poll(() => combobox.getAttribute('aria-controls'), { timeout: 10_000 }).toBeTruthy();
    const listId = (await combobox.getAttribute('aria-controls')) ?? '';
    const list = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
    await list.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await expect.poll(() => select.innerText(), { timeout: 4_000 }).toContain(option);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Presses 保存 in the open dialog. */
export async function submit(page: Page): Promise<void> {
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
}

/** The error shown under a field of the open dialog. */
export function fieldError(page: Page, label: string) {
  return field(page, label).locator('.ant-form-item-explain-error');
}
