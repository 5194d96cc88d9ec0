import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../electron/db/connection';
import { exportForms } from '../electron/forms/formsService';
import { cachedQuarter } from '../electron/services/appraisalService';
import { median, type BenchResult } from './timing';

/**
 * The same cells as the forms — every cell the styled workbook has, with its value — written
 * by exceljs with no styling, no merges and no print setup: the floor for writing the forms.
 */
async function plainWorkbook(styled: Buffer): Promise<Buffer> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(styled as unknown as ArrayBuffer);
  const cells = source.worksheets.map((sheet) => {
    const out: { address: string; value: ExcelJS.CellValue }[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cell.master === cell && out.push({ address: cell.address, value: cell.value })));
    return { name: sheet.name, cells: out };
  });
  const started = Date.now();
  const plain = new ExcelJS.Workbook();
  for (const sheet of cells) {
    const target = plain.addWorksheet(sheet.name);
    for (const c of sheet.cells) target.getCell(c.address).value = c.value;
  }
  const bytes = Buffer.from(await plain.xlsx.writeBuffer());
  plainMs.push(Date.now() - started);
  return bytes;
}
const plainMs: number[] = [];

/**
 * Issue #5: exporting the 50-salesperson company's forms against exceljs writing a workbook with
 * the same cells and no styling (≤ 1.5×), in the same run.
 */
export async function formsBench(dir: string): Promise<BenchResult[]> {
  const db = openDatabase(path.join(dir, 'app.db'));
  // Both sides only write: the quarter is computed (and kept, as the app keeps it) beforehand.
  cachedQuarter(db, '2026Q3');
  const exportMs: number[] = [];
  let styled: Buffer = Buffer.alloc(0);
  // Twenty rounds each, interleaved; the medians leave out the first, cold rounds of both.
  for (let i = 0; i < 20; i++) {
    const started = Date.now();
    const [file] = await exportForms(db, '2026Q3', false);
    exportMs.push(Date.now() - started);
    styled = file?.bytes ?? styled;
    await plainWorkbook(styled);
  }
  db.close();
  return [{ name: 'export forms, 50 people, vs the same cells unstyled', ms: median(exportMs), baselineMs: median(plainMs), limit: 1.5 }];
}
