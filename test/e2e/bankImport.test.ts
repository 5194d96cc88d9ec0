import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN, tempDir } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

describe.skipIf(!hasChromium)('importing a bank statement through the UI', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ bundle: path.join(GOLDEN, 'bundle-no-receipts.json') });
  });
  afterAll(async () => session?.close());

  it('previews, imports with progress and a report, then resolves the unmatched payer', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles(path.join(GOLDEN, 'statements', 'boc-usd-statement.xlsx'));
    const preview = page.getByTestId('preview-boc-usd-statement.xlsx');
    await preview.getByText('将新增 61 笔').waitFor();
    await page.getByTestId('import-statements').click();
    await expect(page.getByTestId('import-report').innerText()).resolves.toMatch(/已导入：读取 81 行，新增 61 笔（退款 1，未匹配客户 1）/);

    await page.getByTestId('tab-payers').click();
    const queue = page.getByTestId('payer-queue');
    await queue.getByText('UNKNOWN PAYER HK LTD').waitFor();
    // No customer's name is like this payer's, so the owner picks one.
    await queue.locator('.ant-select').click();
    await page.keyboard.type('C007');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'C007 PACIFIC IMPORTS SAS' }).click();
    await queue.getByRole('button', { name: /^归\s?入$/ }).click();
    // The assignment is confirmed first (issue 10), then the row stays in place saying where it went.
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^归\s?入$/ })
      .click();
    await page.getByText(/已把“UNKNOWN PAYER HK LTD”归入/).waitFor();
    await queue.getByText('已归入 C007 PACIFIC IMPORTS SAS').waitFor();

    const receipts = await session.data.services['receipts.list']({ unmatched: true, offset: 0, limit: 10 });
    expect(receipts.total).toBe(0);
    const customers = await session.data.services['customers.list']({ search: 'UNKNOWN PAYER', offset: 0, limit: 10 });
    expect(customers.rows).toHaveLength(1);
  });
});

describe.skipIf(!hasChromium)('a file that is not a statement, dropped before the right one', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ bundle: path.join(GOLDEN, 'bundle-no-receipts.json') });
  });
  afterAll(async () => session?.close());

  it('says what is wrong with it, and can be taken off the list', async () => {
    const { page } = session;
    const blank = path.join(tempDir(), 'blank.csv');
    fs.writeFileSync(blank, '');
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles(blank);
    await page.getByTestId('preview-blank.csv').getByText('blank.csv 是空文件').waitFor();
    await page.locator('input[type=file]').setInputFiles(path.join(GOLDEN, 'statements', 'boc-usd-statement.xlsx'));
    await page.getByTestId('preview-boc-usd-statement.xlsx').getByText('将新增 61 笔').waitFor();
    await page.getByTestId('unstage-blank.csv').click();
    await page.getByTestId('preview-blank.csv').waitFor({ state: 'detached' });
    await expect(page.getByTestId('import-statements').innerText()).resolves.toMatch(/导入 1 个文件/);
    await page.getByTestId('preview-boc-usd-statement.xlsx').waitFor();
  });
});
