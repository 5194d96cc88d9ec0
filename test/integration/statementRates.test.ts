import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { createApi, createServices } from '../../electron/services';
import { GOLDEN, ok, readJson, tempDir } from '../helpers';

describe('提成对账单 export: rates', () => {
  it('are shown with 4 decimals as quoted, the exact stored value kept in the cell', async () => {
    const db = openDatabase(path.join(tempDir(), 'rates.db'), { create: true });
    const api = createApi(createServices(db));
    await ok(api['bundle.load']({ bundle: readJson(path.join(GOLDEN, 'bundle.json')) }));
    const file = await ok(api['statements.export']({ quarter: '2026Q3' }));
    db.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const rates: { value: number; numFmt: string }[] = [];
    for (const sheet of wb.worksheets)
      sheet.eachRow((row) => {
        const cell = row.getCell(7);
        // Column G holds the rates of receipt lines (other sections put money there, with a money format).
        if (typeof cell.value === 'number' && cell.numFmt?.startsWith('0.0')) rates.push({ value: cell.value, numFmt: cell.numFmt });
      });
    expect(rates.length, 'rate cells found in column G').toBeGreaterThan(10);
    expect([...new Set(rates.map((r) => r.numFmt))]).toEqual(['0.0000##']);
    // Stored per-unit rates such as 7.1263 stay exact; nothing is rounded to the format.
    expect(rates.some((r) => String(r.value).split('.')[1]?.length === 4)).toBe(true);
  });
});
