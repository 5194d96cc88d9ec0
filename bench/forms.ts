import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../electron/db/connection';
import { exportForms } from '../electron/forms/formsService';
import { cachedQuarter } from '../electron/services/appraisalService';
import { median, type BenchResult } from './timing';

/** How the app writes its forms (streamedWorkbook.ts): DEFLATE at level 1. */
const SAME_COMPRESSION = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions;

/**
 * The fair floor for writing the forms (issue 12.9): the very workbook the app wrote — every
 * sheet, style, merge and print setting — read back once, then written again by exceljs at the
 * same compression. What remains between the two is the app's own work of building it.
 */
async function sameWorkbook(styled: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(styled as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Issue #5 and 12.9: exporting the 50-salesperson company's forms against exceljs writing the
 * same styled workbook at the same compression (≤ 1.5×), in the same run, interleaved. The
 * floor's workbook is loaded afresh each round (untimed) and let go after its write: held across
 * rounds, its 1.1 million cells sat in the heap through the app's turn and every collection of
 * the app's paid to walk them — a weight the app never carries when an owner exports.
 */
export async function formsBench(dir: string, rounds = 7): Promise<BenchResult[]> {
  const db = openDatabase(path.join(dir, 'app.db'));
  // Both sides only write: the quarter is computed (and kept, as the app keeps it) beforehand.
  cachedQuarter(db, '2026Q3');
  await exportForms(db, '2026Q3', false);
  const exportMs: number[] = [];
  const floorMs: number[] = [];
  let sizes = '';
  // Seven rounds each (unless told), interleaved; the medians leave out the cold start of both.
  for (let i = 0; i < rounds; i++) {
    let started = Date.now();
    const [file] = await exportForms(db, '2026Q3', false);
    exportMs.push(Date.now() - started);
    let model: ExcelJS.Workbook | null = await sameWorkbook(file?.bytes ?? Buffer.alloc(0));
    started = Date.now();
    const again = Buffer.from(await model.xlsx.writeBuffer(SAME_COMPRESSION));
    floorMs.push(Date.now() - started);
    model = null;
    sizes = `${((file?.bytes.length ?? 0) / 1024).toFixed(0)} KB vs ${(again.length / 1024).toFixed(0)} KB`;
  }
  db.close();
  console.log(`forms workbook: app ${median(exportMs)} ms, the same workbook rewritten ${median(floorMs)} ms (${sizes})`);
  return [
    { name: 'export forms, 50 people, vs the same styled workbook at the same compression', ms: median(exportMs), baselineMs: median(floorMs), limit: 1.5 },
  ];
}
