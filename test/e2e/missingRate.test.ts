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
});
