import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/api/errors';
import type { Cell } from '../../shared/bank/cellValues';
import { readStatement, readStatementSheets } from '../../electron/bank/readStatement';
import { entryData, zipEntries } from '../../electron/files/zipGuard';
import { exceljsGrids } from '../exceljsGrids';
import { ROOT } from '../helpers';
import { storedZip } from '../storedZip';

/*
 * The app's own .xlsx reader (issue 8.6) against exceljs's whole-workbook read, the reference
 * the statement reader was built on: every .xlsx fixture cell by cell, both as whole grids and as
 * the stream the import types rows from, and small workbooks made here for each kind of cell.
 */

const show = (c: Cell | undefined) =>
  c === undefined ? 'nothing' : c instanceof Date ? `Date ${Number.isNaN(c.getTime()) ? 'invalid' : c.toISOString()}` : JSON.stringify(c);

/** The first difference, named by file, sheet, row and column (1-based, as Excel shows them), or null. */
function firstDifference(file: string, ours: Cell[][][], theirs: Cell[][][]): string | null {
  if (ours.length !== theirs.length) return `${file}: ${ours.length} sheets read, exceljs has ${theirs.length}`;
  for (let s = 0; s < ours.length; s++) {
    const [a, b] = [ours[s] ?? [], theirs[s] ?? []];
    if (a.length !== b.length) return `${file} sheet ${s + 1}: ${a.length} rows read, exceljs has ${b.length}`;
    for (let r = 0; r < a.length; r++) {
      const [x, y] = [a[r] ?? [], b[r] ?? []];
      if (x.length !== y.length) return `${file} sheet ${s + 1} row ${r + 1}: ${x.length} cells read, exceljs has ${y.length}`;
      for (let c = 0; c < x.length; c++) {
        // A hole and null read alike (`cells[i] ?? null`).
        const [p, q] = [x[c] ?? null, y[c] ?? null];
        const same = p instanceof Date && q instanceof Date ? Object.is(p.getTime(), q.getTime()) : Object.is(p, q);
        if (!same) return `${file} sheet ${s + 1} row ${r + 1} column ${c + 1}: read ${show(p)}, exceljs has ${show(q)}`;
      }
    }
  }
  return null;
}

/** The one-sheet stream the import reads rows from, put back together as a grid. */
async function streamedGrids(bytes: Buffer, file: string): Promise<Cell[][][]> {
  const sheets = await readStatementSheets(bytes, file);
  if ('grids' in sheets) return sheets.grids;
  const grid = [...sheets.stream.head];
  for await (const batch of sheets.stream.rest) for (const [index, cells] of batch) grid[index] = cells;
  return [grid];
}

function xlsxFixtures(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const at = path.join(dir, e.name);
    if (e.isDirectory()) return xlsxFixtures(at);
    // Only real workbooks: a PNG or a .docx renamed .xlsx is the not-a-statement tests' business.
    return e.name.endsWith('.xlsx') && zipEntries(fs.readFileSync(at))?.some((z) => z.name === 'xl/workbook.xml') ? [at] : [];
  });
}

/** The same zip with every entry stored uncompressed (method 0), as some exporters write them. */
function storedCopy(bytes: Buffer): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const entry of zipEntries(bytes) ?? []) {
    const packed = entryData(bytes, entry) ?? new Uint8Array();
    files[entry.name] = entry.method === 8 ? zlib.inflateRawSync(packed) : packed;
  }
  return storedZip(files);
}

async function oddCells(options: { date1904?: boolean } = {}): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet('流水');
  sheet.getCell('A1').value = '交易日期 & <金额> "quoted" \'single\'';
  sheet.getCell('B1').value = { richText: [{ text: '对方' }, { text: '户名', font: { bold: true } }, { text: ' ✓ 𝄞' }] };
  // Row 2 left out, row 3 with a gap between its cells.
  sheet.getCell('A3').value = new Date(Date.UTC(2026, 6, 3, 14, 30, 15));
  sheet.getCell('A3').numFmt = 'yyyy"年"m"月"d"日" hh:mm:ss';
  sheet.getCell('D3').value = 23430.5;
  sheet.getCell('D3').numFmt = '#,##0.00;[Red]-#,##0.00';
  sheet.getCell('E3').value = 46207;
  sheet.getCell('E3').numFmt = '[$-804]0.00" days"';
  sheet.getCell('F3').value = new Date(Date.UTC(2026, 0, 31));
  sheet.getCell('F3').numFmt = 'mm-dd-yy';
  sheet.getCell('A4').value = true;
  sheet.getCell('B4').value = false;
  sheet.getCell('C4').value = { formula: 'D3*0', result: 0 };
  sheet.getCell('D4').value = { formula: 'A1&""', result: '' };
  sheet.getCell('E4').value = { formula: 'A3+1', result: 46207.25 };
  sheet.getCell('E4').numFmt = 'yyyy-mm-dd hh:mm';
  sheet.getCell('F4').value = { formula: 'NA()', result: { error: '#N/A' } };
  sheet.getCell('G4').value = { formula: 'D3>0', result: true };
  sheet.getCell('H4').value = { formula: 'LEFT(A1,4)', result: 'A&B <c>' };
  sheet.getCell('A5').value = '';
  sheet.getCell('B5').value = '  spaced\ttext\n';
  sheet.getCell('C5').value = -0.000123;
  sheet.getCell('D5').value = 1e21;
  sheet.getCell('E5').style = { font: { bold: true } };
  sheet.getCell('A7').value = '合计';
  sheet.mergeCells('A7:C8');
  return workbook;
}

const bytesOf = async (workbook: ExcelJS.Workbook, useSharedStrings: boolean) =>
  Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings } as Partial<ExcelJS.XlsxWriteOptions>));

describe('the own .xlsx reader gives exactly the cells exceljs gives (issue 8.6)', () => {
  const fixtures = xlsxFixtures(path.join(ROOT, 'test/fixtures'));

  it('finds the fixtures it compares', () => {
    expect(fixtures.length, 'bank-quirks and golden statements in .xlsx').toBeGreaterThanOrEqual(10);
  });

  it.each(fixtures.map((f) => path.relative(ROOT, f)))('every cell of %s, read whole and as a stream', async (name) => {
    const bytes = fs.readFileSync(path.join(ROOT, name));
    const theirs = await exceljsGrids(bytes);
    expect(firstDifference(name, await readStatement(bytes, name), theirs)).toBeNull();
    expect(firstDifference(`${name} (streamed)`, await streamedGrids(bytes, name), theirs)).toBeNull();
  });

  it.each([
    ['shared strings', true, false],
    ['inline strings', false, false],
    ['shared strings, 1904 date system', true, true],
    ['inline strings, 1904 date system', false, true],
  ] as const)('%s: rich text, dates with custom formats, booleans, formula results, entities, gaps, merges', async (label, shared, date1904) => {
    const bytes = await bytesOf(await oddCells({ date1904 }), shared);
    const ours = await readStatement(bytes, 'odd.xlsx');
    expect(firstDifference(label, ours, await exceljsGrids(bytes))).toBeNull();
    const grid = ours[0] ?? [];
    // What the reader must give, whatever exceljs does: pinned on their own.
    expect(grid[0]?.[0], 'entities').toBe('交易日期 & <金额> "quoted" \'single\'');
    expect(grid[0]?.[1], 'rich text runs joined, astral characters kept').toBe('对方户名 ✓ 𝄞');
    expect(grid[1], 'a row the file leaves out').toEqual([]);
    expect(grid[2]?.[0], 'a date under a custom format, time of day kept').toEqual(new Date(Date.UTC(2026, 6, 3, 14, 30, 15)));
    expect(grid[2]?.[1], 'a gap between cells').toBeNull();
    expect(grid[2]?.[3], 'a number under a number format').toBe(23430.5);
    expect(grid[2]?.[4], 'quoted "days" and [$-804] are no date tokens').toBe(46207);
    expect(grid[2]?.[5], 'built-in date format 14').toEqual(new Date(Date.UTC(2026, 0, 31)));
    // A cached result is a serial as written: 46207.25 is a day of 2030 in the 1904 date system.
    const dateResult = date1904 ? new Date(Date.UTC(2030, 6, 5, 6, 0)) : new Date(Date.UTC(2026, 6, 4, 6, 0));
    expect(grid[3]?.slice(0, 5), 'booleans; a cached 0; a cached "" (written <v></v>: no value); a date result').toEqual([true, false, 0, null, dateResult]);
    expect(grid[3]?.slice(5), 'an error result is null; boolean and text results').toEqual([null, true, 'A&B <c>']);
    expect(grid[4], 'an empty string, whitespace kept, tiny and huge numbers; a styled empty cell is no cell').toEqual([
      '',
      '  spaced\ttext\n',
      -0.000123,
      1e21,
    ]);
    expect(grid[6]?.slice(0, 3), 'a merged range carries its value').toEqual(['合计', '合计', '合计']);
    expect(grid[7]?.slice(0, 3), 'down to its last row').toEqual(['合计', '合计', '合计']);
  });

  it('reads a workbook whose entries are stored, not deflated', async () => {
    const bytes = storedCopy(await bytesOf(await oddCells(), true));
    expect(zipEntries(bytes)?.every((e) => e.method === 0)).toBe(true);
    expect(firstDifference('stored', await readStatement(bytes, 'stored.xlsx'), await exceljsGrids(bytes))).toBeNull();
  });

  it('streams a sheet longer than its first rows the same as it reads it whole, merges below them included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getCell('A1').value = '中国银行交易流水';
    sheet.mergeCells('A1:D1');
    sheet.addRow(['交易日期', '发生额', '', '对方户名']);
    sheet.mergeCells('B2:C2');
    sheet.addRow(['', '借方', '贷方', '']);
    for (let i = 0; i < 120; i++) sheet.addRow([`2026-07-${String(1 + (i % 28)).padStart(2, '0')}`, i % 3 ? '' : '12.50', i % 3 ? '100.00' : '', `PAYER ${i}`]);
    sheet.getCell('A40').value = '小计';
    sheet.mergeCells('A40:B41');
    sheet.getCell('A130').value = '打印时间';
    sheet.mergeCells('A130:A133');
    const bytes = await bytesOf(workbook, true);
    const whole = await readStatement(bytes, 'long.xlsx');
    expect(firstDifference('long', whole, await exceljsGrids(bytes))).toBeNull();
    const sheets = await readStatementSheets(bytes, 'long.xlsx');
    expect('stream' in sheets, 'a one-sheet file is streamed').toBe(true);
    expect(firstDifference('long (streamed)', await streamedGrids(bytes, 'long.xlsx'), whole)).toBeNull();
    expect(whole[0]?.[132]?.[0], 'a merge reaching below the last row').toBe('打印时间');
  });
});

describe('a damaged .xlsx is named and refused in the user’s words, never a raw error', () => {
  const refusal = async (bytes: Buffer, file: string) => {
    const errors: unknown[] = [];
    await readStatement(bytes, file).catch((e: unknown) => errors.push(e));
    const sheets = await readStatementSheets(bytes, file).catch((e: unknown) => (errors.push(e), null));
    if (sheets && 'stream' in sheets)
      await (async () => {
        for await (const batch of sheets.stream.rest) void batch;
      })().catch((e: unknown) => errors.push(e));
    return errors;
  };

  it.each([
    ['cut short', (b: Buffer) => b.subarray(0, Math.floor(b.length * 0.6))],
    ['cut short inside its last entry', (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 2000), b.subarray(b.length - 600)])],
    ['its deflated data scrambled', (b: Buffer) => scramble(b)],
  ])('%s', async (_label, damage) => {
    const workbook = await oddCells();
    const sheet = workbook.worksheets[0];
    for (let i = 0; i < 3000; i++) sheet?.addRow([`ROW ${i}`, i * 1.5, new Date(Date.UTC(2026, 0, 1 + (i % 300)))]);
    const bytes = damage(await bytesOf(workbook, true));
    const errors = await refusal(bytes, '坏文件.xlsx');
    expect(errors.length, 'both reads refuse it').toBe(2);
    for (const error of errors) {
      expect(error, String(error)).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toMatch(/^bank\.(unreadable|damaged|notTable)$/);
      expect((error as DomainError).message).toMatch(/^坏文件\.xlsx 无法读取：/);
      expect((error as DomainError).message, 'no library English').not.toMatch(/[A-Za-z]{5,}/);
    }
  });
});

/** The bytes in the middle of every deflated entry overwritten: the directory stays intact. */
function scramble(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (const entry of zipEntries(copy) ?? []) {
    const data = entryData(copy, entry);
    if (!data || entry.method !== 8 || data.length < 64) continue;
    const start = data.byteOffset + Math.floor(data.length / 3);
    for (let i = 0; i < 32; i++) copy[start + i] = (i * 97 + 13) & 0xff;
  }
  return copy;
}
