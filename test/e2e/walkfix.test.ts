import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { GOLDEN, ok, readJson, ROOT } from '../helpers';
import { fieldError, go, hasChromium, openSession, pick, submit, type Session } from './browser';

/*
 * What a new owner's walkthrough in Chromium met: receipts of a month without an FX rate shown as
 * ¥0.00 and blocking 应收, dates typed as 2024/1/1 dropped, the workflow drawer losing what was
 * typed, 复评 signed in the self-assessor's name, the 民主评议 score of 目标 replaced, a new deal
 * without its customer's salesperson. Screenshots at 1366×768 go to SHOTS for a look.
 */

const SHOTS = process.env.TKPI_SHOTS ?? null;
const LONG = '本季度完成了主要客户的回款跟进，新开发了一个南美客户，单证差错比上季度减少，下季度继续加强。'.repeat(3);

type Bundle = { receipts: Record<string, string>[]; fxRates: { month: string; currency: string; rate: string }[] };

/** A receipt from a payer no customer knows, in JPY: the table has no JPY rate for any month. */
function withJpyPayer(bundle: Bundle): Bundle {
  bundle.receipts.push({ ref: 'JPY-1', valueDate: '2026-05-12', currency: 'JPY', amount: '500000.00', remitter: 'NIPPON TRADING KK' });
  return bundle;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The input of a form item in `scope` with this label. */
function input(scope: ReturnType<Page['locator']>, label: string) {
  return scope
    .locator('.ant-form-item')
    .filter({ has: scope.page().locator('label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('input, textarea')
    .first();
}

describe.skipIf(!hasChromium)('receipts of a month without an FX rate', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    const bundle = withJpyPayer(readJson<Bundle>(path.join(ROOT, 'test/fixtures/case-receivables/bundle.json')));
    expect((await createApi(session.data.services)['bundle.load']({ bundle })).ok).toBe(true);
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('the payer queue shows the JPY amount and the missing rate with a link, and its total leaves them out by name', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-payers').click();
    const row = page.getByTestId('payer-missing-NIPPON TRADING KK');
    await row.waitFor();
    expect(await row.innerText()).toContain('JPY 500,000.00');
    expect(await row.innerText()).toContain('1 笔缺 2026-05 JPY 汇率');
    expect((await row.innerText()).split('\n'), 'no false ¥0.00 line').not.toContain('0.00');
    expect(await page.getByTestId('payer-total').innerText()).toMatch(/未匹配收汇 3 笔，合计 ¥[\d,]+\.\d\d（另有 1 笔缺汇率未计入）/);
    await shot(page, 'payer-queue');
    await page.getByTestId('payer-fill-rate').click();
    await expect.poll(() => page.getByTestId('fx-month-input').inputValue()).toBe('2026-05');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  });

  it('应收 is not blocked by it: the unmatched figure says one is left out; the as-of date stays when coming back', async () => {
    const { page } = session;
    await go(page, 'receivables');
    await page.getByTestId('rv-unmatched-missing-rate').waitFor();
    expect(await page.getByTestId('rv-unmatched-missing-rate').innerText()).toContain('另有 1 笔缺汇率未计入（2026-05 JPY）');
    expect(await page.getByTestId('quarter-problem').count()).toBe(0);
    await shot(page, 'receivables');
    const asOf = page.getByTestId('rv-asof').locator('input');
    await asOf.click();
    await asOf.fill('2026/9/30');
    await page.getByText('截止日期').first().click();
    await expect.poll(() => asOf.inputValue()).toBe('2026-09-30');
    await go(page, 'home');
    await go(page, 'receivables');
    await expect.poll(() => page.getByTestId('rv-asof').locator('input').inputValue()).toBe('2026-09-30');
  });
});

describe.skipIf(!hasChromium)('首页 when the month of today has no rate', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const bundle = readJson<Bundle>(path.join(ROOT, 'test/fixtures/case-receivables/bundle.json'));
    bundle.fxRates = bundle.fxRates.filter((r) => r.month !== month);
    expect((await createApi(session.data.services)['bundle.load']({ bundle })).ok).toBe(true);
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('links from the notice to the 汇率表 at that month', async () => {
    const { page } = session;
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await page.getByTestId('home-receivables-problem').waitFor();
    await shot(page, 'home-missing-rate');
    await page.getByTestId('home-fill-missing-rate').click();
    await expect.poll(() => page.getByTestId('fx-month-input').inputValue()).toBe(month);
  });
});

describe.skipIf(!hasChromium)('the golden company at 1366×768', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    expect((await createApi(session.data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) })).ok).toBe(true);
    await session.page.reload();
  });
  afterAll(async () => session?.close());
  // A dialog or drawer a failed test left open must not fail the next one.
  beforeEach(async () => {
    await session.page.reload();
    await session.page.getByTestId('nav-home').waitFor();
  });

  it('a new deal: the customer fills 业务员; 2026/7/5 is read; an unreadable date is named under its field', async () => {
    const { page } = session;
    await go(page, 'deals');
    await page.getByTestId('add-deal').click();
    const dialog = page.locator('.ant-modal');
    await input(dialog, '成交编号').fill('D-WALK-1');
    await pick(page, '客户', 'C001');
    await shot(page, 'deal-customer');
    await expect.poll(() => dialog.locator('.ant-form-item', { hasText: '业务员' }).first().innerText()).toContain('S01');
    const signed = input(dialog, '签约日期');
    await signed.click();
    await signed.fill('2026.13.45');
    await signed.press('Tab');
    await fieldError(page, '签约日期').getByText('签约日期：无法识别日期“2026.13.45”').waitFor();
    await shot(page, 'deal-bad-date');
    await signed.click();
    await signed.fill('2026/7/5');
    await signed.press('Tab');
    await expect.poll(() => signed.inputValue()).toBe('2026-07-05');
    await shot(page, 'deal-good-date');
    await expect.poll(() => fieldError(page, '签约日期').count()).toBe(0);
    await input(dialog, '金额').fill('1000');
    await submit(page);
    await page.locator('.ant-modal').waitFor({ state: 'detached' });
    const deals = await ok(createApi(session.data.services)['deals.list']({ quarter: '2026Q3', limit: 500 }));
    expect(deals.rows.find((d) => d.id === 'D-WALK-1')).toMatchObject({ salesperson: 'S01', customer: 'C001', signedOn: '2026-07-05' });
  });

  it('the receipts and deals lists fit the window and the navigation stays in view', async () => {
    const { page } = session;
    for (const key of ['receipts', 'deals']) {
      await go(page, key);
      const container = page.locator('.ant-table-container').first();
      await container.waitFor();
      const { scroll, client } = await container.evaluate((el) => ({ scroll: el.querySelector('table')?.offsetWidth ?? 0, client: el.clientWidth }));
      expect(scroll, `${key}: ${scroll}px of columns in ${client}px`).toBeLessThanOrEqual(client);
      await shot(page, `list-${key}`);
    }
    await page.mouse.wheel(0, 2000);
    expect(await page.getByTestId('nav-settings').isVisible()).toBe(true);
    expect((await page.getByTestId('nav-home').boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
  });

  it('确认目标 says it is done', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('flow-S01').getByRole('button').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('step-by').first().fill('王经理');
    await drawer.getByTestId('step-submit').first().click();
    await page.getByText('已完成：确认目标').waitFor();
  });

  it('workflow: 民主评议 of 目标 carries on, 复评 is not signed by the self-assessor, a refused 面谈 keeps what was typed', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('flow-S02').getByRole('button').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('step-by').first().fill('王经理');
    await drawer.getByTestId('step-submit').first().click();

    // 自评: signed by the salesperson, 民主评议 from the targets (91).
    await drawer.getByTestId('step-text').waitFor();
    expect(await drawer.getByTestId('step-by').first().inputValue()).toBe('秦欣怡');
    expect(await input(drawer, '「民主评议」评分（0–100）').inputValue()).toBe('91');
    await drawer.getByTestId('step-text').fill(LONG);
    await drawer.getByTestId('step-submit').first().click();

    // 复评: nobody's name put in for the reviewer; the score is still 91.
    await drawer.getByText('提交复评').waitFor();
    expect(await drawer.getByTestId('step-by').first().inputValue()).toBe('');
    expect(await input(drawer, '「民主评议」评分（0–100）').inputValue()).toBe('91');
    await drawer.getByTestId('step-by').first().fill('王经理');
    await drawer.getByTestId('step-submit').first().click();

    // 面谈, refused by the server (20 minutes): closing and opening the drawer keeps it all.
    await drawer.getByText('记录面谈').first().waitFor();
    await drawer.getByTestId('step-by').first().fill('王经理');
    const date = input(drawer, '面谈日期');
    await date.click();
    await date.fill('2026/10/14');
    await date.press('Tab');
    await input(drawer, '面谈地点').fill('公司会议室');
    await input(drawer, '面谈时长').fill('20');
    await drawer.locator('textarea').first().fill(LONG);
    await drawer.getByText('下季度目标已商定').click();
    const signed = input(drawer, '双方纸面签字日期');
    await signed.click();
    await signed.fill('2026.10.14');
    await signed.press('Tab');
    await drawer.getByTestId('step-submit').first().click();
    await drawer.getByText('面谈时长至少 30 分钟').waitFor();
    await shot(page, 'interview-refused');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('flow-S02').getByRole('button').click();
    await drawer.getByText('记录面谈').first().waitFor();
    expect(await input(drawer, '面谈地点').inputValue()).toBe('公司会议室');
    expect(await input(drawer, '面谈日期').inputValue()).toBe('2026-10-14');
    expect(await input(drawer, '双方纸面签字日期').inputValue()).toBe('2026-10-14');
    expect(await drawer.locator('textarea').first().inputValue()).toBe(LONG);
    await input(drawer, '面谈时长').fill('45');
    await drawer.getByTestId('step-submit').first().click();
    await page.getByTestId('flow-S02').getByText('待审定').waitFor();
    const s02 = (await ok(createApi(session.data.services)['workflow.list']({ quarter: '2026Q3' }))).find((i) => i.salesperson === 'S02');
    expect(s02?.record.steps.review).toMatchObject({ by: '王经理', scores: { peer_review: '91' } });
    expect(s02?.record.steps.interview).toMatchObject({ date: '2026-10-14', signedOn: '2026-10-14', minutes: 45, place: '公司会议室' });
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('an empty 公司名称 is refused under the field, by its name', async () => {
    const { page } = session;
    await go(page, 'settings');
    await page.getByTestId('company-name').fill('');
    await page.getByTestId('save-general').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '公司名称' }).waitFor();
  });
});

describe.skipIf(!hasChromium)('a per-100 bank rate in the import preview', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    const bundle = readJson(path.join(GOLDEN, 'bundle-no-receipts.json'));
    expect((await createApi(session.data.services)['bundle.load']({ bundle })).ok).toBe(true);
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('is shown as the bank wrote it: 890 / 100 = 8.9', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles(path.join(GOLDEN, 'statements', 'boc-gbp-statement.csv'));
    const preview = page.getByTestId('preview-boc-gbp-statement.csv');
    await preview.getByText('890 / 100 = 8.9').first().waitFor();
    expect(await preview.getByText('890.000000').count()).toBe(0);
    await shot(page, 'import-per100');
  });
});

describe.skipIf(!hasChromium)('a write-off dated in an approved quarter', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    const api = createApi(session.data.services);
    await ok(api['bundle.load']({ bundle: readJson(path.join(ROOT, 'test/fixtures/case-receivables/bundle.json')) }));
    const who = { salesperson: 'S01', quarter: '2026Q3' };
    await ok(api['workflow.confirmTargets']({ ...who, by: '王经理' }));
    await ok(api['workflow.selfAssess']({ ...who, by: '江霞', text: LONG, scores: {} }));
    await ok(api['workflow.review']({ ...who, by: '王经理', scores: {} }));
    await ok(
      api['workflow.interview']({
        ...who,
        by: '王经理',
        date: '2026-10-14',
        place: '公司会议室',
        minutes: 45,
        comment: LONG,
        nextTargetsAgreed: true,
        signedOn: '2026-10-14',
      }),
    );
    await ok(api['workflow.approve']({ quarter: '2026Q3', by: '张总', opinion: '同意' }));
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('is refused under 日期, the field that puts it in that quarter', async () => {
    const { page } = session;
    await go(page, 'receivables');
    await page.getByTestId('rv-tab-instalments').click();
    await page.getByTestId('rv-writeoff-R0000#1').click();
    const dialog = page.locator('.ant-modal');
    const date = dialog.locator('.ant-form-item', { hasText: '日期' }).first().locator('input');
    await date.click();
    await date.fill('2026/9/15');
    await date.press('Tab');
    await page.getByTestId('rv-writeoff-amount').fill('1');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const dateError = dialog.locator('.ant-form-item', { hasText: '日期' }).first().locator('.ant-form-item-explain-error');
    await dateError.getByText(/已审定/).waitFor();
    expect(await dialog.locator('.ant-form-item', { hasText: '金额' }).first().locator('.ant-form-item-explain-error').count()).toBe(0);
    await shot(page, 'writeoff-locked');
  });
});
