import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
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
    await session.data.services['settings.update']({ paymentTerms: [{ id: 'T30', name: '30% 定金，70% 出运后 30 天', instalments: [{ percent: '30', from: 'signed', days: 0 }, { percent: '70', from: 'shipped', days: 30 }] }], defaultTerms: 'T30' });
    await go(page, 'settings');
    await page.getByTestId('tab-terms').click();
    await page.getByTestId('terms-table').locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: path.join(ROOT, '.tmp/terms.png') });
    await page.getByTestId('add-terms').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ROOT, '.tmp/terms-editor.png') });
    await page.keyboard.press('Escape');
    await go(page, 'deals');
    await page.getByTestId('add-deal').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ROOT, '.tmp/deal-form.png') });
    await page.keyboard.press('Escape');
    await go(page, 'customers');
    await page.getByTestId('add-customer').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ROOT, '.tmp/customer-form.png') });
  });
});
