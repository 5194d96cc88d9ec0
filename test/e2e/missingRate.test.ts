import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { GOLDEN, readJson } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

describe.skipIf(!hasChromium)('a quarter that cannot be computed', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    const bundle = readJson<{ fxRates: { month: string; currency: string }[] }>(path.join(GOLDEN, 'bundle.json'));
    bundle.fxRates = bundle.fxRates.filter((r) => !(r.month === '2026-08' && r.currency === 'USD'));
    expect((await createApi(session.data.services)['bundle.load']({ bundle })).ok).toBe(true);
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('says which FX rate is missing on 考核, 薪酬 and 首页, not that nobody has targets', async () => {
    const { page } = session;
    for (const key of ['appraisal', 'pay', 'home']) {
      await go(page, key);
      await expect(page.getByTestId('quarter-problem').innerText()).resolves.toBe('缺少 2026-08 USD 的汇率（汇率表），无法折算人民币');
    }
  });

  it('links to the 汇率表 with the month and currency filled in, and takes the month at once', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('fill-missing-rate').click();
    await expect.poll(() => page.getByTestId('fx-month-input').inputValue()).toBe('2026-08');
    const currencies = await page
      .locator('[data-testid^="fx-row-"][data-testid$="-currency"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(currencies).toContain('USD');
    const usd = currencies.indexOf('USD');
    await page.getByTestId(`fx-row-${usd}-rate`).fill('712.34');
    await page.getByText('712.34 看起来是每 100 外币的汇率').waitFor();
    await page.getByTestId(`fx-row-${usd}-rate`).fill('7.1234');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText(/已保存 2026-08 的 \d+ 个汇率/).waitFor();
    const rates = await session.data.services['fxRates.list']({});
    expect(rates.find((r) => r.month === '2026-08' && r.currency === 'USD')?.rate).toBe('7.1234');
  });
});
