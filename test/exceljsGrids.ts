import ExcelJS from 'exceljs';
import type { Cell } from '../shared/bank/cellValues';
import { excelValue } from '../electron/bank/xlsxStream';

/**
 * exceljs's whole-workbook read, the reference the app's own .xlsx reader is checked against:
 * every sheet as a grid of cells; a formula by its cached result (`.value` drops a 0 or '').
 */
export async function exceljsGrids(bytes: Buffer): Promise<Cell[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const grid: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = row.values as unknown[];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (cell.type === ExcelJS.ValueType.Formula) values[col] = { result: cell.result };
      });
      grid[n - 1] = values.slice(1).map(excelValue);
    });
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    return grid;
  });
}
