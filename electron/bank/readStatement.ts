import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DomainError } from '../../shared/api/errors';
import type { Cell } from '../../shared/bank/cellValues';
import { findLayout, HEADER_SEARCH_ROWS } from '../../shared/bank/statementLayout';
import { excelValue, readXlsxStream } from './xlsxStream';

export type Grid = Cell[][];

export const MAX_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;

type Kind = 'xlsx' | 'xls' | 'text';

/** What a file really is, by its first bytes: a .csv that is really an .xls is read as .xls. */
function kindOf(bytes: Uint8Array): Kind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'text';
}

/**
 * Reads a bank statement into rows of cells, one grid per sheet: .xlsx with exceljs, .xls
 * (BIFF8) and HTML tables with SheetJS, .csv in UTF-8 or GBK/GB18030, comma- or tab-separated.
 * Any failure is a DomainError naming the file.
 */
export async function readStatement(bytes: Uint8Array, file: string): Promise<Grid[]> {
  if (bytes.length > MAX_BYTES) throw new DomainError('bank.tooLarge', { file });
  if (bytes.length === 0) throw new DomainError('bank.empty', { file });
  const grids = await readGrids(bytes, file);
  if (grids.every((g) => g.every((row) => row.every((c) => c === null || c === '')))) throw new DomainError('bank.empty', { file });
  if (grids.reduce((n, g) => n + g.length, 0) > MAX_ROWS + HEADER_SEARCH_ROWS) throw new DomainError('bank.tooManyRows', { file });
  return grids;
}

async function readGrids(bytes: Uint8Array, file: string): Promise<Grid[]> {
  const kind = kindOf(bytes);
  try {
    if (kind === 'xlsx') return await readXlsx(bytes, file);
    if (kind === 'xls') return readWithSheetJs(bytes);
    const text = decodeText(bytes, file);
    if (/^\s*$/.test(text)) throw new DomainError('bank.empty', { file });
    if (/<(table|html)[\s>]/i.test(text.slice(0, 4096))) return readWithSheetJs(Buffer.from(text, 'utf8'));
    return [readCsv(text)];
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('bank.unreadable', { file, reason: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) });
  }
}

async function readXlsx(bytes: Uint8Array, file: string): Promise<Grid[]> {
  // Streamed (issue 8.6); the whole-workbook read remains for a file whose sheets the
  // streaming reader cannot find by their usual names. Both run behind the zip guard.
  const streamed = await readXlsxStream(bytes, file, MAX_ROWS + HEADER_SEARCH_ROWS);
  if (streamed) return streamed;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const grid: Grid = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = row.values as unknown[];
      grid[rowNumber - 1] = values.slice(1).map(excelCell);
    });
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    return grid;
  });
}

/** exceljs gives rich text, formulas and hyperlinks as objects; a statement needs their text. */
function excelCell(value: unknown): Cell {
  return excelValue(value);
}

function readWithSheetJs(bytes: Uint8Array): Grid[] {
  const workbook = XLSX.read(bytes, { type: 'buffer', cellDates: false, dense: true });
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    return sheet ? (XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true }) as Grid) : [];
  });
}

/** UTF-8 with or without BOM when the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (looksBinary(bytes)) throw new DomainError('bank.notSpreadsheet', { file });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

/** Text files have no NUL bytes and few control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length / 20;
}

/**
 * Comma or tab: whichever makes a header the importer recognises (some banks write both,
 * "来账\t,国际汇款\t,…"), then the whole file parsed once with that delimiter.
 */
function readCsv(text: string): Grid {
  const head = text.split(/\r?\n/, HEADER_SEARCH_ROWS).join('\n');
  const delimiter =
    ([',', '\t', ';', '|'] as const)
      .map((d) => ({ d, layout: findLayout(Papa.parse<string[]>(head, { delimiter: d }).data) }))
      .filter((c) => c.layout !== null)
      .sort((a, b) => Object.keys(b.layout?.columns ?? {}).length - Object.keys(a.layout?.columns ?? {}).length)[0]?.d ?? ',';
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
}
