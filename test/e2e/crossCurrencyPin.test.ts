import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../electron/services/bundle/loadBundle';
import { readJson } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

const CASE = path.join(__dirname, '../fixtures/case-receivables');

/*
 * SPEC §12: a CNY receipt cannot pay a contract in another currency. In the receivables golden
 * case, C002 has only GBP deals and one CNY receipt (2026-09-18, 18,000.00): its pin column
 * must say why there is nothing to pin it to, not show an empty list.
 */
describe.skipIf(!hasChromium)('a receipt in a currency the customer has no contract in', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    loadBundle(session.data.db, readJson(path.join(CASE, 'bundle.json')), 'e2e');
  });
  afterAll(async () => session?.close());

  it('says there is no contract in that currency and why, in the customer drawer', async () => {
    const { page } = session;
    await go(page, 'receivables');
    const asOf = page.getByTestId('rv-asof').locator('input');
    await asOf.click();
    await asOf.fill('2026-09-30');
    await asOf.press('Enter');
    await page.getByTestId('rv-tab-customers').click();
    await page.getByTestId('rv-open-C002').click();
    const row = page.getByTestId('rv-detail-receipts').locator('.ant-table-row', { hasText: '2026-09-18' });
    const tag = row.locator('[data-testid^=rv-pin-none-]');
    await tag.waitFor();
    expect(await tag.innerText(), 'the tag names the currency').toBe('该客户没有CNY合同');
    expect(await row.locator('.ant-select').count(), 'no empty deal picker is offered').toBe(0);
    await tag.hover();
    const tip = page.locator('.ant-tooltip:visible');
    await tip.waitFor();
    expect(await tip.innerText()).toContain('不能核销另一种币种的合同');
  });
});
