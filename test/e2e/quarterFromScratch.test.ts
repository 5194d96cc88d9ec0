import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { fieldError, fill, go, hasChromium, openSession, pick, submit, type Session } from './browser';

describe.skipIf(!hasChromium)('a quarter from an empty database', () => {
  let session: Session;
  // Every test opens its own empty data folder; the later ones load what they need as a bundle.
  beforeEach(async () => {
    session = await openSession();
  });
  afterEach(async () => session?.close());

  /** What the first test types in, given at once: 张三 with targets 60/40 and two CNY deals. */
  async function loadRecorded(): Promise<void> {
    const bundle = {
      format: 'trade-kpi-bundle',
      version: 1,
      company: { name: '样例贸易' },
      salespeople: [
        { id: 'S1', name: '张三', performanceBasePay: '2000' },
        { id: 'S2', name: '李四', performanceBasePay: '3000' },
      ],
      customers: [
        { id: 'C1', name: 'ACME TRADING LTD', owner: 'S1' },
        { id: 'C2', name: 'BETA IMPORTS LLC', owner: 'S2' },
      ],
      deals: [
        { id: 'D1', salesperson: 'S1', customer: 'C1', signedOn: '2026-07-10', currency: 'CNY', amount: '100000' },
        { id: 'D2', salesperson: 'S2', customer: 'C2', signedOn: '2026-08-10', currency: 'CNY', amount: '50000' },
      ],
      targets: [
        {
          salesperson: 'S1',
          quarter: '2026Q3',
          indicators: [
            { kpi: 'settled', weight: 60, target: '100000' },
            { kpi: 'deal_volume', weight: 40, target: '100000' },
          ],
        },
      ],
    };
    const loaded = await createApi(session.data.services)['bundle.load']({ bundle });
    expect(loaded.ok ? 'loaded' : loaded.error.message, 'the small bundle').toBe('loaded');
    await session.page.reload();
  }

  async function addSalesperson(id: string, name: string, basePay: string) {
    const { page } = session;
    await page.getByTestId('add-salesperson').click();
    await fill(page, '编号', id);
    await fill(page, '姓名', name);
    await fill(page, '季度绩效基准工资', basePay);
    await submit(page);
    await page.locator('.ant-table-row', { hasText: name }).waitFor();
  }

  async function addCustomer(id: string, name: string, owner: string) {
    const { page } = session;
    await page.getByTestId('add-customer').click();
    await fill(page, '客户编号', id);
    await fill(page, '客户名称', name);
    await pick(page, '负责业务员', owner);
    await submit(page);
    await page.locator('.ant-table-row', { hasText: name }).waitFor();
  }

  async function addDeal(id: string, salesperson: string, customer: string, date: string, amount: string) {
    const { page } = session;
    await page.getByTestId('add-deal').click();
    await fill(page, '成交编号', id);
    await pick(page, '业务员', salesperson);
    await pick(page, '客户', customer);
    await fill(page, '签约日期', date);
    await fill(page, '币种', 'CNY');
    await fill(page, '金额', amount);
    await submit(page);
    await page.locator('.ant-table-row', { hasText: id }).waitFor();
  }

  async function addReceipt(ref: string, date: string, amount: string, customer: string) {
    const { page } = session;
    await page.getByTestId('add-receipt').click();
    await fill(page, '银行流水号', ref);
    await fill(page, '起息日', date);
    await fill(page, '币种', 'CNY');
    await fill(page, '金额', amount);
    await pick(page, '客户', customer);
    await submit(page);
    await page.locator('.ant-table-row', { hasText: ref }).waitFor();
  }

  async function setTargets(id: string, settledWeight: string, dealWeight: string) {
    const { page } = session;
    await page.getByTestId(`target-${id}-settled-weight`).fill(settledWeight);
    await page.getByTestId(`target-${id}-settled-value`).fill('100000');
    await page.getByTestId(`target-${id}-deal_volume-weight`).fill(dealWeight);
    await page.getByTestId(`target-${id}-deal_volume-value`).fill('100000');
  }

  it('records people and money, sets targets, and shows what the engine computes', async () => {
    const { page } = session;
    await go(page, 'salespeople');
    await addSalesperson('S1', '张三', '2000');
    await addSalesperson('S2', '李四', '3000');
    await go(page, 'customers');
    await addCustomer('C1', 'ACME TRADING LTD', 'S1 张三');
    await addCustomer('C2', 'BETA IMPORTS LLC', 'S2 李四');
    await go(page, 'deals');
    await addDeal('D1', 'S1 张三', 'C1 ACME', '2026-07-10', '100000');
    await addDeal('D2', 'S2 李四', 'C2 BETA', '2026-08-10', '50000');
    await go(page, 'receipts');
    await addReceipt('R1', '2026-07-20', '80000', 'C1 ACME');
    await addReceipt('R2', '2026-08-20', '30000', 'C2 BETA');

    await go(page, 'targets');
    await setTargets('S1', '60', '40');
    await expect(page.getByTestId('target-S1-sum').innerText()).resolves.toBe('100');
    await page.getByTestId('target-S1-save').click();
    await page.getByText('已保存').first().waitFor();
    await setTargets('S2', '60', '40');
    await page.getByTestId('target-S2-save').click();

    await go(page, 'appraisal');
    await page.getByTestId('row-S2').waitFor();
    const computed = await session.data.services['appraisal.quarter']({ quarter: '2026Q3' });
    expect(
      computed.report.rows.map((r) => r.salesperson),
      'people appraised',
    ).toEqual(['S1', 'S2']);
    for (const row of computed.report.rows) {
      const texts = (
        await page
          .getByTestId('appraisal-table')
          .locator('tr', { has: page.getByTestId(`row-${row.salesperson}`) })
          .locator('td')
          .allInnerTexts()
      ).map((s) => s.trim());
      expect(texts[9]).toBe(row.total);
      expect(texts[12]).toBe(row.finalGrade);
      expect(texts[14]).toBe(row.performancePay.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    }
    // 张三: settled 80% of target → 60, deals 100% → 75: 0.6 × 60 + 0.4 × 75 = 66 → C, pay 2000 × 0.9
    expect(computed.report.rows[0]).toMatchObject({ total: '66.00', finalGrade: 'C', performancePay: '1800.00' });
  });

  it('refuses weights that sum to 90 and saves nothing', async () => {
    await loadRecorded();
    const { page } = session;
    await go(page, 'targets');
    await page.getByTestId('target-S1-settled-weight').fill('50');
    await expect(page.getByTestId('target-S1-sum').innerText()).resolves.toBe('90');
    await page.getByTestId('target-S1-save').click();
    await page.getByText('权重合计为 90，应为 100').first().waitFor();
    const stored = await session.data.services['targets.list']({ quarter: '2026Q3' });
    expect(stored.find((s) => s.salesperson === 'S1')?.indicators.find((i) => i.kpi === 'settled')?.weight).toBe('60');
  });

  it('refuses a negative deal amount beside the field and saves nothing', async () => {
    await loadRecorded();
    const { page } = session;
    await go(page, 'deals');
    await page.getByTestId('add-deal').click();
    await fill(page, '成交编号', 'D9');
    await fill(page, '金额', '-500');
    await expect(fieldError(page, '金额').innerText()).resolves.toBe('金额必须大于 0');
    await submit(page);
    // The submit was checked when the empty 业务员 field shows its own error; the dialog stays open.
    await fieldError(page, '业务员').waitFor();
    await expect(fieldError(page, '金额').innerText()).resolves.toBe('金额必须大于 0');
    expect(await page.locator('.ant-modal').isVisible(), 'the deal dialog after a refused save').toBe(true);
    const deals = await session.data.services['deals.list']({ offset: 0, limit: 100 });
    expect(deals.rows.map((d) => d.id)).toEqual(['D1', 'D2']);
  });
});
