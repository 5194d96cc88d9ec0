import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { exportForms } from '../../electron/forms/formsService';
import { createServices } from '../../electron/services';
import { computeReceivables } from '../../electron/services/receivablesService';
import { readJson, ROOT, tempDir } from '../helpers';

type Bundle = { receipts: Record<string, string>[] };

/**
 * The receivables golden case plus receipts from a payer matched to no customer, in JPY (the
 * table has no JPY rate at all), in May, before the quarter: what the owner's walkthrough met.
 */
function withJpyPayer() {
  const bundle = readJson<Bundle>(path.join(ROOT, 'test/fixtures/case-receivables/bundle.json'));
  bundle.receipts.push(
    { ref: 'JPY-1', valueDate: '2026-05-12', currency: 'JPY', amount: '500000.00', remitter: 'NIPPON TRADING KK' },
    { ref: 'JPY-2', valueDate: '2026-05-20', currency: 'JPY', amount: '250000.00', remitter: 'NIPPON TRADING KK' },
  );
  const db = openDatabase(path.join(tempDir(), 'missing.db'), { create: true });
  const services = createServices(db);
  void services['bundle.load']({ bundle });
  return { db, services };
}

describe('unmatched receipts of a month without an FX rate', () => {
  it('the payer queue shows their own amount and the missing rate, not ¥0.00', async () => {
    const { db, services } = withJpyPayer();
    const groups = await services['payers.unmatched']({});
    db.close();
    const nippon = groups.find((g) => g.payer === 'NIPPON TRADING KK');
    expect(nippon, `queue: ${groups.map((g) => g.payer).join(', ')}`).toBeDefined();
    expect(nippon?.count).toBe(2);
    expect(nippon?.missingRate).toEqual({ count: 2, amounts: [{ currency: 'JPY', amount: '750000.00' }], month: '2026-05', currency: 'JPY' });
    // The payers with known values say nothing of a missing rate.
    expect(groups.filter((g) => g.missingRate).map((g) => g.payer)).toEqual(['NIPPON TRADING KK']);
  });

  it('do not block 应收: the report counts them apart, naming the month and currency', () => {
    const { db } = withJpyPayer();
    const before = computeReceivables(db, '2026-09-30');
    db.close();
    const plain = readJson<{ unmatchedReceipts: { count: number; cny: string } }>(
      path.join(ROOT, 'test/fixtures/case-receivables/expected-receivables-2026-09-30.json'),
    );
    expect(before.unmatchedReceipts).toEqual({
      count: plain.unmatchedReceipts.count + 2,
      cny: plain.unmatchedReceipts.cny,
      missingRate: { count: 2, month: '2026-05', currency: 'JPY' },
    });
  });

  it("the appraisal form still prints the quarter's receivables (no false 汇率缺失)", async () => {
    const { db } = withJpyPayer();
    const [file] = await exportForms(db, '2026Q3', false);
    db.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((s) => s.name.includes('江霞'));
    if (!sheet) throw new Error(`no sheet for 江霞 among ${wb.worksheets.map((s) => s.name).join(', ')}`);
    const labels: string[] = [];
    sheet.eachRow((row) => labels.push(String(row.getCell(1).value ?? '')));
    expect(labels.filter((l) => l.startsWith('参考：应收余额'))).toEqual(['参考：应收余额（截至季末 2026-09-30，人民币）']);
  });
});
