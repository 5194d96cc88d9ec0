import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/api/contract';
import { createApi } from '../../electron/services';
import { throughInterview } from '../goldenWorkflow';
import { GOLDEN, ok, readJson, ROOT } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

/*
 * What a second new owner's walkthrough in Chromium met after 审定 of the golden quarter: a
 * statement with a row of the approved quarter said “跳过 计入（） 已审定的考核…” — the reason's
 * sentence with its name and quarter left empty.
 */

const Q = '2026Q3';
const SHOTS = process.env.TKPI_SHOTS ?? null;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  // Past the dialog's opening animation.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
const QUIRKS = path.join(ROOT, 'test/fixtures/bank-quirks');

describe.skipIf(!hasChromium)('after 审定 of the quarter', () => {
  let session: Session;
  let api: Api;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    api = createApi(session.data.services);
    await ok(api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
    for (const id of ['S01', 'S02', 'S03', 'S04', 'S05', 'S06']) await throughInterview(api, id);
    await ok(api['workflow.approve']({ quarter: Q, by: '张总', opinion: '同意' }));
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('a statement row of the approved quarter is counted under a readable reason, and named with its person on its row', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles(path.join(QUIRKS, 'approved-quarter.csv'));
    await page.getByTestId('import-statements').waitFor();
    const preview = page.getByTestId('preview-approved-quarter.csv');
    await preview.getByText('将新增 1 笔').waitFor();
    const text = await preview.locator('.ant-alert').first().innerText();
    expect(text, 'no reason with its names left empty').not.toContain('（）');
    expect(text).toContain('跳过 计入已审定考核的收汇 1');
    expect(text).toContain('第 6 行：计入秦欣怡（S02）2026Q3 已审定的考核，未导入');
  });

  it('核销: a refusal replaces the one before it — a corrected amount does not keep its old error under it', async () => {
    const { page } = session;
    const terms = [
      {
        id: 'TT',
        name: '签约付 30%，余款 60 天',
        instalments: [
          { percent: '30', from: 'signed' as const, days: 0 },
          { percent: '70', from: 'signed' as const, days: 60 },
        ],
      },
    ];
    await ok(api['settings.update']({ paymentTerms: terms, defaultTerms: 'TT' }));
    await page.reload();
    await go(page, 'receivables');
    const asOf = page.getByTestId('rv-asof').locator('input');
    await asOf.click();
    await asOf.fill('2026-09-30');
    await page.getByText('截止日期').first().click();
    await page.getByTestId('rv-tab-customers').click();
    await page.getByTestId('rv-open-C001').click();
    const detail = page.getByTestId('rv-customer-detail');
    await detail
      .getByRole('button', { name: /核\s*销/ })
      .last()
      .click();
    const dialog = page.locator('.ant-modal-wrap:visible');
    const amount = page.getByTestId('rv-writeoff-amount');
    await amount.fill('99999');
    await dialog.locator('.ant-btn-primary').last().click();
    const errors = dialog.locator('.ant-form-item-explain-error');
    await expect.poll(() => errors.allInnerTexts()).toEqual([expect.stringContaining('核销金额 99999 超过')]);
    // A sensible amount, but the date (the as-of date) is in the approved quarter.
    await amount.fill('5');
    await dialog.locator('.ant-btn-primary').last().click();
    await expect.poll(() => errors.allInnerTexts()).toEqual([expect.stringContaining('2026Q3 的考核已审定')]);
    await shot(page, 'writeoff-one-error');
  });
});

describe.skipIf(!hasChromium)('a company without payment terms yet', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    await ok(createApi(session.data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle-no-receipts.json')) }));
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('应收 says why it is all ¥0.00 — no deal has a payment schedule — and leads to 付款方式', async () => {
    const { page } = session;
    await go(page, 'receivables');
    const notice = page.getByTestId('rv-no-terms');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('没有付款方式的成交不计入应收');
    await shot(page, 'rv-no-terms');
    // A mistyped as-of date: the figures stay those of the date before, and the page says so.
    const asOf = page.getByTestId('rv-asof').locator('input');
    const shown = await asOf.inputValue();
    await asOf.click();
    await asOf.fill('2026-02-30');
    await page.getByText('截止日期').first().click();
    await expect
      .poll(() => page.getByTestId('rv-asof-unreadable').innerText())
      .toBe(`截止日期：无法识别日期“2026-02-30”，请写成 2026-07-26、2026/7/26 或 2026.7.26（下面仍是截至 ${shown} 的数字）`);
    await shot(page, 'rv-asof-unreadable');
    await asOf.click();
    await asOf.fill(shown);
    await page.getByText('截止日期').first().click();
    await expect.poll(() => page.getByTestId('rv-asof-unreadable').count()).toBe(0);
    await page.getByTestId('rv-go-terms').click();
    await page.getByTestId('add-terms').waitFor();
  });

  it('记为索赔/折让 of an imported refund says why there is no instalment to pick, instead of an empty list', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles(path.join(GOLDEN, 'statements', 'boc-usd-statement.xlsx'));
    await page.getByTestId('import-statements').click();
    await page.getByTestId('refund-claims').waitFor();
    await page.getByTestId('refund-claims').getByRole('button', { name: '记为索赔/折让' }).click();
    const none = page.getByTestId('claim-none');
    await none.waitFor();
    expect(await none.innerText()).toContain('PACIFIC IMPORTS SAS 没有可核销的 USD 成交分期');
    expect(await none.innerText()).toContain('没有付款方式的成交不计入应收');
    await shot(page, 'claim-none');
  });
});

describe.skipIf(!hasChromium)('面谈 in the workflow drawer', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    const api = createApi(session.data.services);
    await ok(api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
    await ok(api['workflow.confirmTargets']({ salesperson: 'S01', quarter: Q, by: '王经理' }));
    await ok(
      api['workflow.selfAssess']({
        salesperson: 'S01',
        quarter: Q,
        by: 'S01',
        text: '本季度完成了主要客户的回款跟进，单证差错比上季度减少。'.repeat(5),
        scores: {},
      }),
    );
    await ok(api['workflow.review']({ salesperson: 'S01', quarter: Q, by: '王经理', scores: {} }));
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('an unreadable 面谈日期 is named under its field, not called missing', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('flow-S01').getByRole('button').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('记录面谈').first().waitFor();
    const item = drawer.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: /^面谈日期$/ }) });
    const date = item.locator('input').first();
    await date.click();
    await date.fill('2026-10-32');
    await date.press('Tab');
    await drawer.getByTestId('step-submit').first().click();
    await expect
      .poll(() => item.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['面谈日期：无法识别日期“2026-10-32”，请写成 2026-07-26、2026/7/26 或 2026.7.26']);
    await date.click();
    await date.fill('2026/10/12');
    await date.press('Tab');
    await expect.poll(() => date.inputValue()).toBe('2026-10-12');
    await expect.poll(() => item.locator('.ant-form-item-explain-error').count()).toBe(0);
  });
});
