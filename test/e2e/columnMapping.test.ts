import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN, tempDir } from '../helpers';
import { choose, go, hasChromium, openSession, type Session } from './browser';

/* A statement in a layout no word list knows: 记录日 / 币 / 入款 / 出款 / 来往单位 / 附注. */
const HEADER = '记录日,币,入款,出款,来往单位,附注';
const JULY = [
  '2026-07-03,USD,"12,000.00",,PACIFIC IMPORTS SAS,货款 A1',
  '2026-07-05,USD,,35.00,中国银行,手续费',
  '2026-07-09,USD,"8,500.00",,NORDIC IMPORTS SAS,货款 A2',
];

function statement(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

describe.skipIf(!hasChromium)('mapping the columns of an unknown statement layout', () => {
  let session: Session;
  const dir = tempDir();
  beforeAll(async () => {
    session = await openSession({ bundle: path.join(GOLDEN, 'bundle-no-receipts.json') });
  });
  afterAll(async () => session?.close());

  it('maps the columns once, imports, and reads the next file with the same header without asking', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles(statement(dir, 'mystery-july.csv', [HEADER, ...JULY]));
    const preview = page.getByTestId('preview-mystery-july.csv');
    await preview.getByText('没有认出这个文件的表头').waitFor();
    const mapper = preview.getByTestId('column-mapper');
    await mapper.getByText('来往单位').waitFor();
    for (const [column, role] of [
      [0, '起息日'],
      [1, '币种'],
      [2, '贷方(收入)'],
      [3, '借方(支出)'],
      [4, '对方户名'],
      [5, '摘要'],
    ] as const) {
      await choose(page, mapper.locator('.ant-table-thead').getByTestId(`role-${column}`), role);
    }
    // The live preview follows the mapping: two receipts, the bank fee skipped.
    await preview.getByText(/将新增 2 笔/).waitFor();
    await page.screenshot({ path: path.join(dir, 'column-mapper.png') });
    await page.getByTestId('import-statements').click();
    await expect(page.getByTestId('import-report').innerText()).resolves.toMatch(/mystery-july\.csv 已导入：读取 3 行，新增 2 笔（退款 0，未匹配客户 0）/);

    // Same header under a title row, the July rows again and one new row: no mapper, read the same way.
    await page
      .locator('input[type=file]')
      .setInputFiles(statement(dir, 'mystery-august.csv', ['账户明细查询,,,,,', HEADER, ...JULY, '2026-08-12,USD,"4,000.00",,PACIFIC IMPORTS SAS,货款 B1']));
    const second = page.getByTestId('preview-mystery-august.csv');
    await second.getByText('按已保存的列设置读取').waitFor();
    await second.getByText(/将新增 1 笔.*重复 2/).waitFor();
    expect(await second.getByTestId('column-mapper').count()).toBe(0);
    await page.getByTestId('import-statements').click();
    await expect(page.getByTestId('import-report').innerText()).resolves.toMatch(/mystery-august\.csv 已导入：读取 4 行，新增 1 笔/);

    const listed = await session.data.services['receipts.list']({ quarter: '2026Q3', offset: 0, limit: 10 });
    expect(listed.rows.map((r) => [r.valueDate, r.amount, r.customer]).sort()).toEqual([
      ['2026-07-03', '12000.00', 'C007'],
      ['2026-07-09', '8500.00', 'C005'],
      ['2026-08-12', '4000.00', 'C007'],
    ]);
    // And the page lists them.
    await page.getByRole('tab', { name: '收汇明细' }).click();
    await page.getByText('NORDIC IMPORTS SAS').first().waitFor();

    // The remembered setting is listed under 设置 and can be deleted.
    await go(page, 'settings');
    await page.getByRole('tab', { name: /数据包/ }).click();
    const saved = page.getByTestId('column-mappings');
    await saved.getByText(/记录日 \| 币 \| 入款/).waitFor();
    await expect(saved.innerText()).resolves.toMatch(/起息日=第 1 列/);
  });
});
