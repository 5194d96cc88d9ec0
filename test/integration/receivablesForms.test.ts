import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { exportForms } from '../../electron/forms/formsService';
import { createServices } from '../../electron/services';
import { readJson, ROOT, tempDir } from '../helpers';

describe('the appraisal form with receivables (SPEC §12)', () => {
  it("prints the person's outstanding and overdue at the quarter's end, and names the new indicators", async () => {
    const db = openDatabase(path.join(tempDir(), 'forms.db'), { create: true });
    createServices(db)['bundle.load']({ bundle: readJson(path.join(ROOT, 'test/fixtures/case-receivables/bundle.json')) });
    const [file] = await exportForms(db, '2026Q3', false);
    db.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((s) => s.name.includes('江霞'));
    if (!sheet) throw new Error(`no sheet for 江霞 among ${wb.worksheets.map((s) => s.name).join(', ')}`);
    const rows: [string, unknown][] = [];
    sheet.eachRow((row) => rows.push([String(row.getCell(1).value ?? ''), row.getCell(7).value]));
    expect(rows).toContainEqual(['参考：应收余额（截至季末 2026-09-30，人民币）', 3182441.71]);
    expect(rows).toContainEqual(['其中逾期', 2460444.8]);
    const names = rows.map(([a]) => a);
    expect(names).toContain('回款率');
    expect(names).toContain('逾期率');
  });
});
