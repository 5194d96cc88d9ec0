import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { message } from '../../shared/i18n/messages';
import { GOLDEN, readJson, tempDir } from '../helpers';
import { fieldError, fill, go, hasChromium, openSession, pick, submit, type Session } from './browser';

/** Uncaught errors and unhandled rejections of the page, collected while a test runs. */
function watchErrors(session: Session): string[] {
  const errors: string[] = [];
  session.page.on('pageerror', (error) => errors.push(String(error)));
  session.page.on('console', (m) => {
    if (m.type() === 'error' && /Uncaught|unhandled/i.test(m.text())) errors.push(m.text());
  });
  return errors;
}

async function closeDrawer(session: Session): Promise<void> {
  // Escape, not the × button: a "已保存" message may sit over the button and keep hovering it.
  await session.page.keyboard.press('Escape');
  await session.page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
}

async function loadGolden(session: Session): Promise<void> {
  const loaded = await createApi(session.data.services)['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) });
  expect(loaded.ok).toBe(true);
  await session.page.reload();
  await session.page.getByTestId('nav-home').waitFor();
}

describe.skipIf(!hasChromium)('an owner from an empty database', () => {
  let session: Session;
  let errors: string[];
  beforeAll(async () => {
    session = await openSession();
    errors = watchErrors(session);
  });
  afterAll(async () => session?.close());

  it('opens on a checklist that ticks itself off as data appears', async () => {
    const { page } = session;
    await page.getByTestId('setup-guide').waitFor();
    await expect(page.getByTestId('guide-salespeople').getAttribute('data-done')).resolves.toBe('no');
    await session.data.services['salespeople.create']({
      id: 'S1',
      name: '张三',
      department: null,
      hiredOn: null,
      monthlyBaseSalary: '0',
      performanceBasePay: '0',
      commissionPlan: null,
      annualBonusBase: null,
      leftOn: null,
    });
    await page.reload();
    await expect(page.getByTestId('guide-salespeople').getAttribute('data-done')).resolves.toBe('yes');
    await expect(page.getByTestId('guide-company').getAttribute('data-done')).resolves.toBe('no');
  });

  it('saves a bracket typed as 300,000 with rates in percent, and shows a refused bracket beside it', async () => {
    const { page } = session;
    await go(page, 'settings');
    await page.getByRole('tab', { name: '提成方案' }).click();
    await page.getByRole('button', { name: /新增/ }).click();
    await fill(page, '方案编号', 'P1');
    await page.getByTestId('bracket-0-upTo').fill('3oo');
    await page.getByTestId('bracket-0-rate').fill('1.5');
    await submit(page);
    await expect(page.locator('.ant-modal .ant-form-item-explain-error').first().innerText()).resolves.toBe('金额格式不正确（数字，最多两位小数）');

    await page.getByTestId('bracket-0-upTo').fill('300,000');
    await page.getByRole('button', { name: /加一档/ }).click();
    await page.getByTestId('bracket-1-rate').fill('２'); // full-width, as a Chinese input method types it
    await submit(page);
    await page.locator('.ant-table-row', { hasText: 'P1' }).waitFor();
    const plans = await session.data.services['plans.list']({});
    expect(plans.map((p) => ({ id: p.id, brackets: p.brackets.map((b) => ({ upTo: b.upTo === null ? null : Number(b.upTo), rate: b.rate })) }))).toEqual([
      {
        id: 'P1',
        brackets: [
          { upTo: 300000, rate: '0.015' },
          { upTo: null, rate: '0.02' },
        ],
      },
    ]);
    await expect(page.locator('.ant-table-row', { hasText: 'P1' }).innerText()).resolves.toContain('≤ 300,000.00 @ 1.5%');
  });

  it('shows a server error with its parameters beside the field, never a {placeholder}', async () => {
    const { page } = session;
    await go(page, 'salespeople');
    await page.getByTestId('add-salesperson').click();
    await submit(page); // nothing typed: the form's own checks refuse, with no unhandled rejection
    await expect(fieldError(page, '编号').innerText()).resolves.toBe('缺少必填项');
    await fill(page, '编号', 'S1');
    await fill(page, '姓名', '重名');
    await fill(page, '季度绩效基准工资', '１，２３４．５６');
    await submit(page);
    await expect(fieldError(page, '编号').innerText()).resolves.toBe('编号 S1 重复');
    expect(await page.locator('body').innerText()).not.toMatch(/\{\w+\}/);
    await fill(page, '编号', 'S2');
    await submit(page);
    await page.locator('.ant-table-row', { hasText: '重名' }).waitFor();
    expect((await session.data.services['salespeople.list']({})).find((p) => p.id === 'S2')?.performanceBasePay).toBe('1234.56');
    expect(errors).toEqual([]);
  });

  it('says where a record of another quarter went', async () => {
    const { page } = session;
    await go(page, 'errors');
    await page.getByTestId('add-error').click();
    await pick(page, '业务员', 'S1 张三');
    await fill(page, '日期', '2026-10-05');
    await submit(page);
    await expect.poll(() => page.getByTestId('saved-to').innerText()).toContain('已保存到 2026Q4');
  });

  it('says which quarter an empty deals list is of, and where the others are', async () => {
    const { page } = session;
    await go(page, 'deals');
    await expect.poll(() => page.getByTestId('deals-empty').innerText()).toMatch(/^20\d\dQ[1-4] 没有成交。其他季度的成交：在右上角“考核季度”切换。$/);
  });
});

describe.skipIf(!hasChromium)('targets, 加扣分 and custom indicators on the golden company', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await loadGolden(session);
  });
  afterAll(async () => session?.close());

  it('adds an adjustment on 目标 and 考核 shows the total change', async () => {
    const { page } = session;
    const before = (await session.data.services['appraisal.quarter']({ quarter: '2026Q3' })).report.rows.find((r) => r.salesperson === 'S01');
    await go(page, 'targets');
    await page.getByTestId('target-S01-details').click();
    await page.getByTestId('adjustment-points').fill('+3');
    await page.getByTestId('adjustment-reason').fill('大客户表扬信');
    await page.getByTestId('adjustment-add').click();
    await expect.poll(() => page.getByTestId('adjustments-sum').innerText()).toBe('加扣分合计 3.00 分');
    await closeDrawer(session);

    const after = (await session.data.services['appraisal.quarter']({ quarter: '2026Q3' })).report.rows.find((r) => r.salesperson === 'S01');
    expect(Number(after?.adjustments)).toBe(3);
    expect(Number(after?.total)).toBeCloseTo(Math.min(100, Number(before?.total) + 3), 2);
    await go(page, 'appraisal');
    await page.getByTestId('row-S01').waitFor();
    await expect
      .poll(async () =>
        (
          await page
            .getByTestId('appraisal-table')
            .locator('tr', { has: page.getByTestId('row-S01') })
            .locator('td')
            .allInnerTexts()
        )[9]?.trim(),
      )
      .toBe(after?.total);
    const texts = (
      await page
        .getByTestId('appraisal-table')
        .locator('tr', { has: page.getByTestId('row-S01') })
        .locator('td')
        .allInnerTexts()
    ).map((s) => s.trim());
    expect(texts[8]).toBe(after?.adjustments);
    expect(texts[9]).toBe(after?.total);
  });

  it('adds a custom indicator beside the grid and saves it with the sheet', async () => {
    const { page } = session;
    await go(page, 'targets');
    await page.getByTestId('target-S02-settled-weight').fill('30');
    await page.getByTestId('target-S02-details').click();
    await page.getByTestId('custom-add').click();
    await page.getByTestId('custom-0-name').fill('样品寄送');
    await page.getByTestId('custom-0-target').fill('10');
    await page.getByTestId('custom-0-actual').fill('12');
    await page.getByTestId('custom-0-weight').fill('10');
    await expect.poll(() => page.getByTestId('custom-sum').innerText()).toBe('含自定义指标的权重合计：100');
    await page.getByTestId('custom-save').click();
    await page.getByText('已保存').first().waitFor();
    await closeDrawer(session);
    const sheet = (await session.data.services['targets.list']({ quarter: '2026Q3' })).find((s) => s.salesperson === 'S02');
    expect(sheet?.indicators.find((i) => i.kpi === 'custom')).toEqual({
      kpi: 'custom',
      name: '样品寄送',
      direction: 'higher',
      target: '10',
      actual: '12',
      weight: '10',
    });
    const row = (await session.data.services['appraisal.quarter']({ quarter: '2026Q3' })).report.rows.find((r) => r.salesperson === 'S02');
    expect(row?.indicators.map((i) => i.name ?? i.kpi)).toContain('样品寄送');
  });

  it('a refused 制单套数 shows what is stored, not a rounded 13', async () => {
    const { page } = session;
    await go(page, 'errors');
    const input = page.getByTestId('doc-S01');
    const stored = String((await session.data.services['documents.list']({ quarter: '2026Q3' })).find((d) => d.salesperson === 'S01')?.count);
    await expect.poll(() => input.inputValue()).toBe(stored);
    await input.fill('12.5');
    await input.blur();
    await page.getByText('应为不小于 0 的整数').first().waitFor();
    await expect.poll(() => page.getByTestId('doc-S01').inputValue()).toBe(stored);
  });
});

describe.skipIf(!hasChromium)('a salesperson who left (离职)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession();
    await loadGolden(session);
  });
  afterAll(async () => session?.close());

  async function chooseQuarter(quarter: string) {
    await session.page.getByTestId('quarter-picker').click();
    await session.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: quarter }).click();
  }

  it("is greyed with 离职 in lists and left out of a later quarter's targets", async () => {
    const { page } = session;
    await go(page, 'salespeople');
    await page.locator('.ant-table-row', { hasText: '郝秀英' }).getByTitle('编辑').click();
    await fill(page, '离职日期', '2026-09-30');
    await submit(page);
    await expect.poll(() => page.getByTestId('left-S06').innerText()).toBe('离职 2026-09-30');
    await go(page, 'targets');
    await page.getByTestId('target-S06-save').waitFor(); // 2026Q3 has their sheet: history stays
    await chooseQuarter('2026Q4');
    await page.getByTestId('target-S05-save').waitFor();
    expect(await page.getByTestId('target-S06-save').count()).toBe(0);
    await page.getByText('1 位已离职业务员不在本季度目标中').waitFor();
    await page.getByRole('button', { name: /从上季度复制/ }).click();
    await page.getByText('已从上季度复制目标').first().waitFor();
    const copied = await session.data.services['targets.list']({ quarter: '2026Q4' });
    expect(copied.map((s) => s.salesperson)).toEqual(['S01', 'S02', 'S03', 'S04', 'S05']);
    // The choice of quarter is remembered across a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('quarter-picker').innerText()).toContain('2026Q4');
  });
});

describe.skipIf(!hasChromium)('考核 at 1366×768', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 } });
    await loadGolden(session);
  });
  afterAll(async () => session?.close());

  it('shows the table first with 最终等级, 系数, 绩效工资 and 提成 in view without scrolling', async () => {
    const { page } = session;
    await go(page, 'appraisal');
    await page.getByTestId('row-S06').waitFor();
    await page.screenshot({ path: path.join(tempDir(), 'appraisal-1366.png') });
    const header = page
      .getByTestId('appraisal-table')
      .locator('th', { hasText: /^最终等级$/ })
      .first();
    for (const title of ['最终等级', '系数', '绩效工资', '提成']) {
      const box = await page
        .getByTestId('appraisal-table')
        .locator('th', { hasText: new RegExp(`^${title}$`) })
        .first()
        .boundingBox();
      expect(box, `${title} has no box`).not.toBeNull();
      if (!box) continue;
      expect({ title, inside: box.x >= 0 && box.y >= 0 && box.x + box.width <= 1366 && box.y + box.height <= 768 }).toEqual({ title, inside: true });
    }
    // All six people's final grades are on the first screen, not just four rows.
    const lastRow = await page.getByTestId('row-S06').boundingBox();
    expect(lastRow && lastRow.y + lastRow.height <= 768).toBe(true);
    expect(await header.isVisible()).toBe(true);
  });
});

describe.skipIf(!hasChromium)('after approval', () => {
  let session: Session;
  const long = '本季度完成了主要客户的回款跟进，开发了新的市场渠道，按时完成制单工作，差错较上季度减少。'.repeat(4);
  beforeAll(async () => {
    session = await openSession();
    const api = createApi(session.data.services);
    const must = async (result: Promise<{ ok: boolean; error?: { message: string } }>) => {
      const r = await result;
      if (!r.ok) throw new Error(r.error?.message);
    };
    await must(api['company.update']({ name: '测试公司' }));
    await must(api['salespeople.create']({ id: 'S1', name: '张三', performanceBasePay: '2000' }));
    await must(
      api['targets.set']({
        salesperson: 'S1',
        quarter: '2026Q3',
        indicators: [
          { kpi: 'settled', weight: '60', target: '100000' },
          { kpi: 'deal_volume', weight: '40', target: '100000' },
        ],
      }),
    );
    await must(api['documents.set']({ salesperson: 'S1', quarter: '2026Q3', count: 20 }));
    const person = { salesperson: 'S1', quarter: '2026Q3', by: '王经理' };
    await must(api['workflow.confirmTargets'](person));
    await must(api['workflow.selfAssess']({ ...person, by: '张三', text: long }));
    await must(api['workflow.review'](person));
    await must(
      api['workflow.interview']({
        ...person,
        date: '2026-10-08',
        place: '会议室',
        minutes: 45,
        comment: long,
        nextTargetsAgreed: true,
        signedOn: '2026-10-08',
      }),
    );
    await must(api['workflow.approve']({ quarter: '2026Q3', by: '总经理', opinion: '同意' }));
    await session.page.reload();
  });
  afterAll(async () => session?.close());

  it('locks an approved person’s targets and 加扣分, refuses them through the API and 制单套数 on the page, in Chinese', async () => {
    const { page } = session;
    await go(page, 'targets');
    // The approved person's targets are shown as stored and locked: nothing to type into or save.
    await expect.poll(() => page.getByTestId('target-S1-settled-weight').inputValue()).toBe('60');
    await page.getByTestId('target-S1-frozen').waitFor();
    expect(await page.getByTestId('target-S1-settled-weight').isDisabled()).toBe(true);
    expect(await page.getByTestId('target-S1-save').count()).toBe(0);
    // The API refuses what the page no longer offers, in Chinese (the command line goes through it).
    const api = createApi(session.data.services);
    const sheets = await api['targets.list']({ quarter: '2026Q3' });
    const stored = sheets.ok ? sheets.value.find((x) => x.salesperson === 'S1') : undefined;
    if (!stored) throw new Error('S1 has no stored targets in 2026Q3');
    const refused = await api['targets.set']({ salesperson: 'S1', quarter: '2026Q3', indicators: stored.indicators });
    expect(refused.ok ? '' : message(refused.error.code, refused.error.params ?? {}, 'zh-CN')).toContain('张三（S1）2026Q3 的考核已审定，不能修改影响它的数据');

    await page.getByTestId('target-S1-details').click();
    await page.getByTestId('custom-frozen').waitFor();
    expect(await page.getByTestId('adjustment-add').isVisible()).toBe(false);
    const adjustment = await api['adjustments.create']({ salesperson: 'S1', period: '2026Q3', points: '-2', reason: '迟交报表' });
    expect(adjustment.ok ? '' : message(adjustment.error.code, adjustment.error.params ?? {}, 'zh-CN')).toContain('的考核已审定');
    expect(await session.data.services['adjustments.list']({ period: '2026Q3' })).toEqual([]);
    await closeDrawer(session);

    await go(page, 'errors');
    await expect.poll(() => page.getByTestId('doc-S1').inputValue()).toBe('20');
    await page.getByTestId('doc-S1').fill('25');
    await page.getByTestId('doc-S1').blur();
    await page.getByText('张三（S1）2026Q3 的考核已审定').first().waitFor();
    await expect.poll(() => page.getByTestId('doc-S1').inputValue()).toBe('20');
  });
});
