import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { GOLDEN, readJson } from '../helpers';
import { fill, go, hasChromium, openSession, pick, type Session } from './browser';

/**
 * What a new owner ran into walking through a quarter at 1366×768 (each step once, on the
 * golden company): ids proposed for a new customer, the credit warning for an amount typed
 * as the app shows it, 加扣分 typed with its sign, a refused 制单套数, a too-short self-evaluation.
 */
describe.skipIf(!hasChromium)('a quarter walked through as a new owner would', () => {
  let session: Session;
  const pageErrors: string[] = [];
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    session.page.on('pageerror', (e) => pageErrors.push(e.message));
    const api = createApi(session.data.services);
    expect((await api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle-no-receipts.json')) })).ok).toBe(true);
    // 30 customers C001–C030 and C032 typed by hand: count + 1 would be C032 again.
    expect((await api['customers.create']({ id: 'C032', name: 'SMALL LIMIT TRADING', owner: 'S01', aliases: [], creditLimit: '50000' })).ok).toBe(true);
    expect((await api['receipts.create']({ valueDate: '2026-08-20', currency: 'CNY', amount: '900.00', remitter: 'BRIGHT STAR TRADING FZE' })).ok).toBe(true);
    expect((await api['workflow.confirmTargets']({ salesperson: 'S01', quarter: '2026Q3', by: '王总' })).ok).toBe(true);
    await session.page.reload();
    await session.page.getByTestId('nav-home').waitFor();
  });
  afterAll(async () => session?.close());

  it('proposes a free customer id for a new customer made from an unmatched payer', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-payers').click();
    const row = page.getByTestId('payer-queue').locator('tr', { hasText: 'BRIGHT STAR TRADING FZE' });
    await row.locator('[data-testid^=new-customer-]').click();
    const id = page
      .locator('.ant-modal .ant-form-item')
      .filter({ has: page.locator('label', { hasText: /^客户编号$/ }) })
      .locator('input');
    await expect.poll(() => id.inputValue(), { timeout: 10_000 }).toBe('C033');
  });

  it('warns about the credit limit for an amount typed as 60,000', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await go(page, 'deals');
    await page.getByTestId('add-deal').click();
    await fill(page, '成交编号', 'W1');
    await pick(page, '业务员', 'S01');
    await pick(page, '客户', 'C032 SMALL');
    await fill(page, '签约日期', '2026-08-10');
    await fill(page, '币种', 'CNY');
    await fill(page, '金额', '60,000');
    await expect(page.getByTestId('deal-credit').innerText({ timeout: 10_000 })).resolves.toContain('这笔成交会使客户超出信用额度');
    await page.keyboard.press('Escape');
  });

  it('stores 加扣分 typed as +3 as 3 and shows it as +3', async () => {
    const { page } = session;
    await go(page, 'targets');
    await page.getByTestId('target-S01-details').click();
    await page.getByTestId('adjustment-points').fill('+3');
    await page.getByTestId('adjustment-reason').fill('开发新市场');
    await page.getByTestId('adjustment-add').click();
    await page.getByTestId('adjustments').getByText('开发新市场').waitFor();
    const shown = await page.getByTestId('adjustments').locator('tbody tr', { hasText: '开发新市场' }).locator('td').first().innerText();
    expect(shown.trim()).toBe('+3');
    const stored = await session.data.services['adjustments.list']({ period: '2026Q3', salesperson: 'S01' });
    expect(stored.map((a) => a.points)).toEqual(['3']);
    await page.keyboard.press('Escape');
  });

  it('names the person when a 制单套数 is refused, saving on Enter', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await go(page, 'errors');
    const input = page.getByTestId('doc-S01');
    await input.fill('12.5');
    await input.press('Enter');
    const name = (await session.data.services['salespeople.list']({})).find((p) => p.id === 'S01')?.name ?? 'S01';
    await page.locator('.ant-message', { hasText: `${name} 制单套数：应为不小于 0 的整数` }).waitFor();
    await input.fill('40');
    await input.press('Enter');
    await expect
      .poll(async () => (await session.data.services['documents.list']({ quarter: '2026Q3' })).find((d) => d.salesperson === 'S01')?.count, { timeout: 10_000 })
      .toBe(40);
  });

  it('refuses a self-evaluation under 100 characters beside the field, with no uncaught error', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('flow-S01').locator('a, button').first().click();
    const form = page.getByTestId('workflow-drawer').locator('form').first();
    await form.getByTestId('step-text').fill('本季度完成得不错。');
    await form.getByTestId('step-submit').click();
    await form.getByText('至少要写 100 个字').first().waitFor();
    await page.waitForTimeout(300);
    expect(pageErrors).toEqual([]);
  });
});
