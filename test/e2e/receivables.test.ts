import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { choose, fill, go, hasChromium, openSession, pick, submit, type Session } from './browser';

/*
 * 应收 from an empty database, everything typed through the UI (SPEC §12). The expected figures
 * are worked out by hand below from SPEC's rules, never read back from the engine.
 *
 * Terms T30 = 30% on signing + 0 days, 70% 30 days after shipping; OA60 = 100% 60 days after
 * shipping. Table rate of 2026-09: USD 7.10.
 *   D1 张三/ACME USD 100,000.00 signed 07-01 shipped 07-10 → #1 30,000.00 due 07-01,
 *      #2 70,000.00 due 08-09 (07-10 + 30)
 *   D2 张三/ACME USD 20,000.00 signed 09-01, not shipped → #1 6,000.00 due 09-01 (a deposit),
 *      #2 14,000.00 undated: both order backlog
 *   D3 李四/BETA CNY 50,000.00 signed 08-01 shipped 08-15 → #1 due 10-14 (08-15 + 60)
 *   Receipts: ACME USD 30,000.00 on 07-05 and 50,000.00 on 08-20; BETA CNY 49,950.00 on 09-10.
 * As of 2026-09-30, first in first out per customer and currency:
 *   ACME's 80,000.00 pays D1#1 30,000.00 and D1#2 50,000.00 → D1#2 owes 20,000.00, due 08-09,
 *   overdue 52 days (22 in August + 30 in September) → bucket 31–60; USD 20,000 × 7.10 = 142,000.00.
 *   D2 is backlog: 20,000 × 7.10 = 142,000.00, of which the deposit past due since 09-01
 *   (29 days) is a late deposit: 6,000 × 7.10 = 42,600.00.
 *   BETA's D3#1 owes 50.00, not due yet.
 *   ACME's exposure = 142,000.00 + 142,000.00 = 284,000.00 > its limit 250,000.00: over the limit;
 *   its oldest overdue instalment is 52 days (31–90) → suggested grade one down: B → C.
 */
const AS_OF = '2026-09-30';

describe.skipIf(!hasChromium)('应收 from an empty database', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => session?.close());

  async function addTerms(id: string, name: string, rows: { percent: string; from: '签约' | '出运'; days: string }[]) {
    const { page } = session;
    await page.getByTestId('add-terms').click();
    await page.getByTestId('terms-id').fill(id);
    await page.getByTestId('terms-name').fill(name);
    // The editor opens with two instalments; drop the second when one is enough.
    if (rows.length === 1) await page.getByTestId('terms-row-1').locator('.anticon-minus-circle').click();
    for (const [n, row] of rows.entries()) {
      await page.getByTestId(`terms-percent-${n}`).fill(row.percent);
      const from = page.getByTestId(`terms-row-${n}`).locator('.ant-select');
      if ((await from.innerText()).trim() !== row.from) {
        await choose(page, from, row.from);
      }
      await page.getByTestId(`terms-row-${n}`).locator('.ant-input-number input').fill(row.days);
    }
    await expect(page.getByTestId('terms-sum').innerText()).resolves.toBe('合计 100%');
    await submit(page);
    await page.getByTestId('terms-table').locator('.ant-table-row', { hasText: name }).waitFor();
  }

  async function addDeal(id: string, salesperson: string, customer: string, signedOn: string, currency: string, amount: string, shippedOn: string | null) {
    const { page } = session;
    await page.getByTestId('add-deal').click();
    await fill(page, '成交编号', id);
    await pick(page, '业务员', salesperson);
    await pick(page, '客户', customer);
    await fill(page, '签约日期', signedOn);
    await fill(page, '币种', currency);
    await fill(page, '金额', amount);
    if (shippedOn) await fill(page, '出运日期', shippedOn);
  }

  async function addReceipt(ref: string, date: string, currency: string, amount: string, customer: string) {
    const { page } = session;
    await page.getByTestId('add-receipt').click();
    await fill(page, '银行流水号', ref);
    await fill(page, '起息日', date);
    await fill(page, '币种', currency);
    await fill(page, '金额', amount);
    await pick(page, '客户', customer);
    await submit(page);
    await page.locator('.ant-table-row', { hasText: ref }).waitFor();
  }

  const text = (page: Page, testId: string) =>
    page
      .getByTestId(testId)
      .innerText()
      .then((s) => s.trim());

  it('sets up terms, credit, a shipped deal and receipts, and reads the ageing SPEC §12 gives', async () => {
    const { page } = session;
    await go(page, 'settings');
    await page.getByTestId('tab-terms').click();
    await addTerms('T30', '30% 定金，70% 出运后 30 天', [
      { percent: '30', from: '签约', days: '0' },
      { percent: '70', from: '出运', days: '30' },
    ]);
    await addTerms('OA60', '出运后 60 天', [{ percent: '100', from: '出运', days: '60' }]);
    await page.getByRole('tab', { name: '汇率表' }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: /新增/ }).click();
    await fill(page, '月份', '2026-09');
    await fill(page, '币种', 'USD');
    await fill(page, '汇率（1 外币折人民币）', '7.10');
    await submit(page);
    await page.locator('.ant-table-row', { hasText: '2026-09' }).waitFor();

    await go(page, 'salespeople');
    for (const [id, name] of [
      ['S1', '张三'],
      ['S2', '李四'],
    ] as const) {
      await page.getByTestId('add-salesperson').click();
      await fill(page, '编号', id);
      await fill(page, '姓名', name);
      await submit(page);
      await page.locator('.ant-table-row', { hasText: name }).waitFor();
    }

    await go(page, 'customers');
    for (const c of [
      { id: 'C1', name: 'ACME TRADING LTD', owner: 'S1 张三', terms: 'T30', limit: '250000' },
      { id: 'C2', name: 'BETA IMPORTS LLC', owner: 'S2 李四', terms: 'OA60', limit: null },
    ]) {
      await page.getByTestId('add-customer').click();
      await fill(page, '客户编号', c.id);
      await fill(page, '客户名称', c.name);
      await pick(page, '负责业务员', c.owner);
      await pick(page, '默认付款方式', c.terms);
      if (c.limit) await fill(page, '信用额度（元）', c.limit);
      await submit(page);
      await page.locator('.ant-table-row', { hasText: c.name }).waitFor();
    }

    await go(page, 'deals');
    await addDeal('D1', 'S1 张三', 'C1 ACME', '2026-07-01', 'USD', '100000', '2026-07-10');
    await submit(page);
    await page.locator('.ant-table-row', { hasText: 'D1' }).waitFor();
    await addDeal('D3', 'S2 李四', 'C2 BETA', '2026-08-01', 'CNY', '50000', '2026-08-15');
    await submit(page);
    await page.locator('.ant-table-row', { hasText: 'D3' }).waitFor();

    await go(page, 'receipts');
    await addReceipt('R1', '2026-07-05', 'USD', '30000', 'C1 ACME');
    await addReceipt('R2', '2026-08-20', 'USD', '50000', 'C1 ACME');
    await addReceipt('R3', '2026-09-10', 'CNY', '49950', 'C2 BETA');

    // D2 takes ACME over its limit: the form warns and still saves.
    await go(page, 'deals');
    await addDeal('D2', 'S1 张三', 'C1 ACME', '2026-09-01', 'USD', '20000', null);
    await expect(page.getByTestId('deal-credit').innerText()).resolves.toContain('超出信用额度');
    await submit(page);
    await page.locator('.ant-table-row', { hasText: 'D2' }).waitFor();

    await go(page, 'receivables');
    const asOf = page.getByTestId('rv-asof').locator('input');
    await asOf.click();
    await asOf.fill(AS_OF);
    await asOf.press('Enter');
    await expect.poll(() => text(page, 'rv-sp-outstanding-S1')).toBe('142,000.00');
    expect(await text(page, 'rv-sp-overdue-S1')).toBe('142,000.00');
    expect(await text(page, 'rv-sp-d31_60-S1')).toBe('142,000.00');
    expect(await text(page, 'rv-sp-notDue-S1')).toBe('0.00');
    expect(await text(page, 'rv-sp-backlog-S1')).toBe('142,000.00');
    expect(await text(page, 'rv-sp-outstanding-S2')).toBe('50.00');
    expect(await text(page, 'rv-sp-overdue-S2')).toBe('0.00');
    expect(await text(page, 'rv-sp-notDue-S2')).toBe('50.00');
    const total = (key: string) => page.getByTestId(`rv-total-${key}`).locator('.ant-statistic-content').innerText();
    expect(await total('outstanding')).toBe('¥142,050.00');
    expect(await total('overdue')).toBe('¥142,000.00');
    expect(await total('backlog')).toBe('¥142,000.00');
    expect(await total('lateDeposits')).toBe('¥42,600.00');
    await page.getByTestId('rv-ageing-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page
      .locator('.ant-message-notice')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.screenshot({ path: path.join(ROOT, '.tmp/receivables-1366.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: path.join(ROOT, '.tmp/receivables-1920.png') });
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('rv-tab-customers').click();
    const acme = page.getByTestId('rv-customer-table').locator('.ant-table-row', { hasText: 'ACME' });
    await acme.waitFor();
    // Cell texts without white space (antd spaces the two characters of 采纳).
    const cells = (await acme.locator('td').allInnerTexts()).map((s) => s.replace(/\s+/g, ''));
    expect(cells).toEqual(['C1ACMETRADINGLTD', '142,000.00', '142,000.00', '142,000.00', '0.00', '52', 'B', '250,000.00', '超额度284,000.00', 'C采纳']);

    await page.getByTestId('rv-tab-instalments').click();
    const d1 = page.getByTestId('rv-instalment-table').locator('.ant-table-row', { hasText: '2026-08-09' });
    // The instalments are paged from the server: wait for the row before reading it.
    await d1.waitFor();
    expect((await d1.locator('td').allInnerTexts()).map((s) => s.trim()).slice(0, 11)).toEqual([
      'D1',
      '2',
      'S1',
      'C1 ACME TRADING LTD',
      'USD 70,000.00',
      '2026-08-09',
      '50,000.00',
      '',
      '20,000.00',
      '',
      '52',
    ]);
    // Receivable: D1#1 (paid), D1#2 and D3#1; only D1#2 is overdue.
    await expect.poll(() => page.getByTestId('rv-instalment-table').locator('.ant-table-row').count()).toBe(3);
    await page.getByTestId('rv-overdue-only').click();
    await expect.poll(() => page.getByTestId('rv-instalment-table').locator('.ant-table-row').count()).toBe(1);
    await page.getByTestId('rv-tab-backlog').click();
    const deposit = page.getByTestId('rv-backlog-table').locator('.ant-table-row', { hasText: '2026-09-01' });
    await expect(deposit.innerText()).resolves.toContain('定金逾期 29 天');
  });

  it('writes off the balances under the small-balance limit in one go, after showing them', async () => {
    const { page } = session;
    await page.getByTestId('rv-tab-people').click();
    await page.getByTestId('rv-small').click();
    const rows = page.getByTestId('rv-small-list').locator('.ant-table-row');
    await rows.first().waitFor();
    expect((await rows.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['D3 1 C2 CNY 50.00 50.00']);
    await page.getByRole('button', { name: '核销这 1 期' }).click();
    await expect.poll(() => text(page, 'rv-sp-outstanding-S2')).toBe('0.00');
    expect(await page.getByTestId('rv-total-writtenOff').locator('.ant-statistic-content').innerText()).toBe('¥50.00');
    const stored = await session.data.services['writeOffs.list']({ deal: 'D3' });
    expect(stored.map((w) => ({ number: w.number, date: w.date, amount: w.amount, kind: w.kind }))).toEqual([
      { number: 1, date: AS_OF, amount: '50.00', kind: 'bank_charges' },
    ]);
  });

  it('pins a receipt to the deal it pays, and accepts the suggested credit grade', async () => {
    const { page } = session;
    // R2 (USD 50,000.00) pinned to D2 pays D2's 6,000.00 + 14,000.00 first; the 30,000.00 beyond
    // D2's total joins R1's 30,000.00: 60,000.00 first in first out pays D1#1 30,000.00 and
    // D1#2 30,000.00. D1#2 owes 40,000.00 × 7.10 = 284,000.00, 52 days overdue; no backlog is left.
    await page.getByTestId('rv-tab-customers').click();
    await page.getByTestId('rv-open-C1').click();
    const r2 = page.getByTestId('rv-detail-receipts').locator('.ant-table-row', { hasText: 'R2' });
    await r2.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'D2' }).click();
    await expect.poll(async () => (await r2.innerText()).replace(/\s+/g, ' ')).toContain('D2 第1期 6,000.00');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('rv-tab-people').click();
    await expect.poll(() => text(page, 'rv-sp-outstanding-S1')).toBe('284,000.00');
    expect(await text(page, 'rv-sp-d31_60-S1')).toBe('284,000.00');
    expect(await text(page, 'rv-sp-backlog-S1')).toBe('0.00');

    // Oldest overdue 52 days (31–90): one grade down, B → C, applied only when accepted.
    await page.getByTestId('rv-tab-customers').click();
    await page.getByTestId('rv-accept-C1').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    const acme = page.getByTestId('rv-customer-table').locator('.ant-table-row', { hasText: 'ACME' });
    await acme.waitFor();
    await expect.poll(async () => (await acme.locator('td').nth(6).innerText()).trim()).toBe('C');
    const customers = await session.data.services['customers.list']({ search: 'C1', offset: 0, limit: 10 });
    expect(customers.rows.find((c) => c.id === 'C1')?.creditGrade).toBe('C');
  });
});
