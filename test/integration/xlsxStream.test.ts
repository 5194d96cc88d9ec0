import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/bank/cellValues';
import { readStatement } from '../../electron/bank/readStatement';
import { exceljsGrids } from '../exceljsGrids';
import { GOLDEN } from '../helpers';

/** Holes and nulls read alike (`cells[i] ?? null`), so compare them alike. */
const dense = (grids: Cell[][][]) =>
  grids.map((g) => g.map((row) => Array.from(row, (c) => (c === undefined ? null : c instanceof Date ? `date:${c.toISOString()}` : c))));

async function oddWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('流水');
  sheet.addRow(['账号', '358023001913']);
  // A two-row header whose group heading is merged over the two columns below it.
  sheet.getCell('A3').value = '交易日期';
  sheet.getCell('B3').value = '发生额/元';
  sheet.mergeCells('B3:C3');
  sheet.getCell('D3').value = { richText: [{ text: '对方' }, { text: '户名', font: { bold: true } }] };
  sheet.getCell('B4').value = '借方';
  sheet.getCell('C4').value = '贷方';
  sheet.getCell('A5').value = new Date(Date.UTC(2026, 6, 3));
  sheet.getCell('A5').numFmt = 'yyyy-mm-dd';
  sheet.getCell('B5').value = { formula: 'C5-C5', result: 0 };
  sheet.getCell('C5').value = 23430.5;
  sheet.getCell('D5').value = { text: 'PIONEER TEXTILES', hyperlink: 'https://example.com' };
  sheet.getCell('A6').value = { formula: 'A5+1', result: 46207 };
  sheet.getCell('A6').numFmt = 'yyyy/m/d';
  sheet.getCell('C6').value = { formula: 'C5*2', result: 46861 };
  sheet.getCell('D6').value = { formula: 'D5', result: '对方名称' };
  sheet.getCell('E6').value = true;
  sheet.getCell('F6').value = { error: '#N/A' };
  sheet.getCell('A8').value = '合计';
  sheet.mergeCells('A8:B9');
  const second = workbook.addWorksheet('第二页');
  second.getCell('B2').value = 'second sheet';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('statement .xlsx read as a stream (issue 8.6)', () => {
  const golden = fs.readdirSync(path.join(GOLDEN, 'statements')).filter((f) => f.endsWith('.xlsx'));

  it.each(golden)('gives exactly the cells of the whole-workbook read: %s', async (name) => {
    const bytes = fs.readFileSync(path.join(GOLDEN, 'statements', name));
    expect(dense(await readStatement(bytes, name))).toEqual(dense(await exceljsGrids(bytes)));
  });

  it('keeps dates, formula results (0 too), rich text, links, merged headings and sheet order', async () => {
    const bytes = await oddWorkbook();
    const streamed = await readStatement(bytes, 'odd.xlsx');
    expect(dense(streamed)).toEqual(dense(await exceljsGrids(bytes)));
    const grid = streamed[0] ?? [];
    expect(grid[2]?.[2], 'the merged group heading over 借方/贷方').toBe('发生额/元');
    expect(grid[4]?.[1], 'a cached formula result of 0').toBe(0);
    expect(grid[5]?.[0], 'a formula result under a date format').toEqual(new Date(Date.UTC(2026, 6, 4)));
    expect(grid[8]?.[1], 'the far corner of a two-row merge').toBe('合计');
    expect(streamed[1]?.[1]?.[1], 'the second sheet comes second').toBe('second sheet');
  });
});
