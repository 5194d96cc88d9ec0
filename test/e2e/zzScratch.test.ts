import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createApi } from '../../electron/services';
import { ROOT } from '../helpers';
import { go, openSession, type Session } from './browser';

describe('scratch screenshots', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(async () => session?.close());
  it('shoots', async () => {
    const { page } = session;
    const api = createApi(session.data.services);
    const ok = async (p: Promise<{ ok: boolean }>) => {
      const r = await p;
      if (!r.ok) throw new Error(JSON.stringify(r));
    };
    await ok(api['settings.update']({ paymentTerms: [{ id: 'T30', name: '30% 定金，70% 出运后 30 天', instalments: [{ percent: '30', from: 'signed', days: 0 }, { percent: '70', from: 'shipped', days: 30 }] }, { id: 'OA60', name: '出运后 60 天', instalments: [{ percent: '100', from: 'shipped', days: 60 }] }], defaultTerms: 'T30' }));
    await ok(api['fxRates.set']({ month: '2026-09', currency: 'USD', rate: '7.10' }));
    for (const [id, name] of [['S1', '张三'], ['S2', '李四'], ['S3', '王五']]) await ok(api['salespeople.create']({ id: id!, name: name! }));
    await ok(api['customers.create']({ id: 'C1', name: 'ACME TRADING LTD', owner: 'S1', terms: 'T30', creditLimit: '250000' }));
    await ok(api['customers.create']({ id: 'C2', name: 'BETA IMPORTS LLC', owner: 'S2', terms: 'OA60' }));
    await ok(api['customers.create']({ id: 'C3', name: 'GAMMA GMBH', owner: 'S3', terms: 'T30', creditGrade: 'A', creditLimit: '1000000' }));
    await ok(api['deals.create']({ id: 'D1', salesperson: 'S1', customer: 'C1', signedOn: '2026-07-01', currency: 'USD', amount: '100000', shippedOn: '2026-07-10' }));
    await ok(api['deals.create']({ id: 'D2', salesperson: 'S1', customer: 'C1', signedOn: '2026-09-01', currency: 'USD', amount: '20000' }));
    await ok(api['deals.create']({ id: 'D3', salesperson: 'S2', customer: 'C2', signedOn: '2026-08-01', currency: 'CNY', amount: '50000', shippedOn: '2026-08-15' }));
    await ok(api['deals.create']({ id: 'D4', salesperson: 'S3', customer: 'C3', signedOn: '2026-03-01', currency: 'USD', amount: '80000', shippedOn: '2026-04-10' }));
    await ok(api['deals.create']({ id: 'D5', salesperson: 'S3', customer: 'C3', signedOn: '2026-06-01', currency: 'CNY', amount: '300000', shippedOn: '2026-06-20' }));
    for (const [ref, date, currency, amount, customer] of [['R1', '2026-07-05', 'USD', '30000', 'C1'], ['R2', '2026-08-20', 'USD', '50000', 'C1'], ['R3', '2026-09-10', 'CNY', '49950', 'C2'], ['R4', '2026-03-05', 'USD', '24000', 'C3'], ['R5', '2026-06-03', 'CNY', '90000', 'C3'], ['R6', '2026-08-01', 'CNY', '100000', 'C3']])
      await ok(api['receipts.create']({ ref, valueDate: date!, currency: currency!, amount: amount!, customer }));
    await page.reload();
    await go(page, 'receivables');
    const asOf = page.getByTestId('rv-asof').locator('input');
    await asOf.click();
    await asOf.fill('2026-09-30');
    await asOf.press('Enter');
    await page.getByTestId('rv-sp-outstanding-S1').waitFor();
    await page.mouse.click(700, 700);
    await page.waitForTimeout(300);
    console.log('scroll', await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight, document.documentElement.scrollTop]));
    await page.screenshot({ path: path.join(ROOT, '.tmp/rv-people.png') });
    for (const tab of ['customers', 'instalments', 'backlog', 'bad']) {
      await page.getByTestId(`rv-tab-${tab}`).click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(ROOT, `.tmp/rv-${tab}.png`) });
    }
    await page.getByTestId('rv-tab-customers').click();
    await page.getByTestId('rv-open-C1').click();
    await page.getByTestId('rv-detail-receipts').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ROOT, '.tmp/rv-drawer.png') });
    await page.getByTestId('rv-writeoff-D1#2').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ROOT, '.tmp/rv-writeoff.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await page.getByTestId('rv-small').click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(ROOT, '.tmp/rv-small.png') });
    await page.keyboard.press('Escape');
    await go(page, 'home');
    await page.getByTestId('home-receivables').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(ROOT, '.tmp/home.png'), fullPage: true });
  });
});
