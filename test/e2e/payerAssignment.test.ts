import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/services';
import { GOLDEN, readJson } from '../helpers';
import { fill, go, hasChromium, openSession, pick, submit, type Session } from './browser';

describe.skipIf(!hasChromium)('assigning an unmatched payer, confirmed and undoable', () => {
  let session: Session;
  // Each test gets its own data folder and browser, so none depends on what another left behind.
  beforeEach(async () => {
    session = await openSession();
    const api = createApi(session.data.services);
    expect((await api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle-no-receipts.json')) })).ok).toBe(true);
    // A customer whose name is like (70%), not equal to, the payer's; and a second payer nobody knows.
    expect((await api['customers.create']({ id: 'C100', name: 'ZENITH HOLDING GROUP', owner: 'S01', aliases: [] })).ok).toBe(true);
    for (const [date, amount, remitter] of [
      ['2026-07-03', '1000.00', 'ZENITH HOLDINGS LIMITED'],
      ['2026-08-11', '2500.00', 'ZENITH HOLDINGS LIMITED'],
      ['2026-08-20', '900.00', 'BRIGHT STAR TRADING FZE'],
    ] as const) {
      expect((await api['receipts.create']({ valueDate: date, currency: 'CNY', amount, remitter })).ok).toBe(true);
    }
    await session.page.reload();
  });
  afterEach(async () => session?.close());

  const unmatched = async (remitter: string) =>
    (await session.data.services['receipts.list']({ unmatched: true, offset: 0, limit: 50 })).rows.filter((r) => r.remitter === remitter).length;

  it('asks before assigning, keeps the row in place, and undoes the assignment as a whole', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-payers').click();
    const queue = page.getByTestId('payer-queue');
    await queue.getByText('ZENITH HOLDINGS LIMITED').waitFor();
    await queue.getByTestId('assign-C100').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm.locator('.ant-modal-confirm-title').innerText()).resolves.toBe('将 2 笔、合计 ¥3,500.00 的收汇归到客户 C100 ZENITH HOLDING GROUP？');
    // Cancelling changes nothing.
    await confirm.getByRole('button', { name: /取\s?消/ }).click();
    await expect.poll(() => page.locator('.ant-modal-confirm').count(), { timeout: 10_000 }).toBe(0);
    expect(await unmatched('ZENITH HOLDINGS LIMITED')).toBe(2);

    await queue.getByTestId('assign-C100').click();
    await confirm.getByRole('button', { name: /^归\s?入$/ }).click();
    await queue.getByText('已归入 C100 ZENITH HOLDING GROUP').waitFor();
    expect(await unmatched('ZENITH HOLDINGS LIMITED')).toBe(0);
    // The assigned row keeps its place: the other payer is still the second row.
    await expect(queue.locator('tbody tr.ant-table-row').nth(1).innerText()).resolves.toMatch(/BRIGHT STAR TRADING FZE/);

    const history = page.getByTestId('payer-assignments');
    await history.getByText('ZENITH HOLDINGS LIMITED').waitFor();
    await history.getByRole('button', { name: /撤\s?销/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /撤\s?销/ })
      .click();
    await page.getByText('已撤销“ZENITH HOLDINGS LIMITED”的归属').waitFor();
    await history.getByText('已撤销').waitFor();
    await queue.getByTestId('assign-C100').waitFor();
    expect(await unmatched('ZENITH HOLDINGS LIMITED')).toBe(2);
    const customer = await session.data.services['customers.list']({ search: 'C100', offset: 0, limit: 5 });
    expect(customer.rows[0]?.aliases).toEqual([]);
  });

  it('creates a customer straight from an unmatched payer, which then takes its receipts', async () => {
    const { page } = session;
    await go(page, 'receipts');
    await page.getByTestId('tab-payers').click();
    const queue = page.getByTestId('payer-queue');
    await queue.getByText('BRIGHT STAR TRADING FZE').waitFor();
    await queue.locator('tr', { hasText: 'BRIGHT STAR TRADING FZE' }).getByRole('button', { name: '新建客户' }).click();
    const dialog = page.locator('.ant-modal');
    await expect(dialog.locator('.ant-form-item', { hasText: '客户名称' }).locator('input').inputValue()).resolves.toBe('BRIGHT STAR TRADING FZE');
    await fill(page, '客户编号', 'C200');
    await pick(page, '负责业务员', 'S02');
    await submit(page);
    await queue.locator('tr', { hasText: 'BRIGHT STAR TRADING FZE' }).waitFor({ state: 'detached' });
    expect(await unmatched('BRIGHT STAR TRADING FZE')).toBe(0);
    const listed = await session.data.services['receipts.list']({ offset: 0, limit: 50 });
    expect(listed.rows.find((r) => r.remitter === 'BRIGHT STAR TRADING FZE')?.customer).toBe('C200');
  });
});
