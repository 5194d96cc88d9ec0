import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN } from '../helpers';
import { go, hasChromium, openSession, type Session } from './browser';

/*
 * Two monthly extracts that overlap, dropped together: the second file's preview already counts
 * the rows the first will import as duplicates, so what the preview promises is what the import
 * report says afterwards (SPEC §10, preview = commit).
 */
describe.skipIf(!hasChromium)('overlapping statements dropped together', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession({ viewport: { width: 1366, height: 768 }, bundle: path.join(GOLDEN, 'bundle-no-receipts.json') });
  });
  afterAll(async () => session?.close());

  it('previews the shared rows once, and imports what the previews said', async () => {
    const { page } = session;
    const lines = fs
      .readFileSync(path.join(GOLDEN, 'statements', 'boc-gbp-statement.csv'))
      .toString('utf8')
      .split('\n');
    const file = (name: string, from: number, to: number) => ({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from([...lines.slice(0, 9), ...lines.slice(from, to)].join('\n'), 'utf8'),
    });
    await go(page, 'receipts');
    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles([file('july.csv', 9, 20), file('august.csv', 14, 25)]);
    const august = page.getByTestId('preview-august.csv');
    await august.getByText('与同批导入的 july.csv 重复，只导入一次').first().waitFor();
    const promised = async (name: string) => {
      const text = await page.getByTestId(`preview-${name}`).innerText();
      const n = /将新增 (\d+) 笔/.exec(text)?.[1];
      expect(n, `${name}'s preview says how many rows it adds`).toBeDefined();
      return Number(n);
    };
    const julyNew = await promised('july.csv');
    const augustNew = await promised('august.csv');
    await page.getByTestId('import-statements').click();
    const reports = page.getByTestId('import-report');
    await expect.poll(() => reports.count()).toBe(2);
    const texts = await reports.allInnerTexts();
    expect(texts[0]).toMatch(new RegExp(`新增 ${julyNew} 笔`));
    expect(texts[1], 'august.csv imports what its preview promised').toMatch(new RegExp(`新增 ${augustNew} 笔`));
  });
});
