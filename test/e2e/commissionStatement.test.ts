import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { expectedLines } from '../goldenStatement';
import { GOLDEN, goldenExpected, readJson } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

const money = (v: string) => {
  const [whole = '', fraction = ''] = v.replace('-', '').split('.');
  return `${v.startsWith('-') ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
};

describe.skipIf(!hasChromium)('提成对账单 on 薪酬', () => {
  let session: Session;
  // Each test gets its own data folder and browser, so none depends on what another left behind.
  beforeEach(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    expect((await createApi(session.data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) })).ok).toBe(true);
    await session.page.reload();
  });
  afterEach(async () => session?.close());

  it('shows every receipt behind the commission, receipt by receipt as the golden case, and exports it', async () => {
    const { page } = session;
    const expected = goldenExpected();
    const bundle = readJson<Parameters<typeof expectedLines>[0]>(path.join(GOLDEN, 'bundle.json'));
    await go(page, 'pay');
    const shown = expected.rows.filter((r) => ['S01', 'S03'].includes(r.salesperson));
    expect(
      shown.map((r) => r.salesperson),
      'rows whose statements are opened',
    ).toEqual(['S01', 'S03']);
    for (const row of shown) {
      await page.getByTestId(`statement-open-${row.salesperson}`).click();
      const drawer = page.getByTestId('statement-drawer');
      await drawer.getByTestId('statement-total').waitFor();
      const lines = expectedLines(bundle, row.salesperson, '2026-07-01', '2026-09-30');
      // Each body row of the lines table: date, ref, payer, currency, amount, rate, source, CNY.
      const cny = await drawer.getByTestId('statement-lines').locator('tbody tr.ant-table-row td:last-child').allInnerTexts();
      expect(
        cny.map((c) => c.trim()),
        `receipts of ${row.salesperson}`,
      ).toEqual(lines.map((l) => money(l.cny)));
      await expect(drawer.getByTestId('statement-base').innerText()).resolves.toBe(money(row.settled));
      await expect(drawer.getByTestId('statement-total').innerText()).resolves.toBe(money(row.commission.total));
      if (row.salesperson === 'S01') {
        const download = page.waitForEvent('download');
        await drawer.getByTestId('statement-export').click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`提成对账单-2026Q3-S01-${row.name}.xlsx`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile((await file.path()) ?? '');
        expect(wb.worksheets.map((w) => w.name)).toEqual([`提成 S01 ${row.name}`]);
        await page.screenshot({ path: path.join(process.env.TKPI_SCREENSHOTS ?? '/tmp', 'statement-1366.png') });
      }
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    }
  });

  it('exports 薪酬 as a workbook', async () => {
    const { page } = session;
    await go(page, 'pay');
    const download = page.waitForEvent('download');
    await page.getByTestId('pay-export').click();
    expect((await download).suggestedFilename()).toBe('薪酬-2026Q3.xlsx');
  });
});
