import { Readable } from 'node:stream';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { openXlsx, sheetRows } from '../electron/bank/xlsxStream';
import { cellText, readAmount, readDate, readRate, type Cell } from '../shared/bank/cellValues';

/*
 * The fair floor for importing a statement (issue 8.7): reading the same file as a stream with
 * the same libraries, every row kept and its values parsed — knowing the layout in advance,
 * with no header search, no classification, no matching and no database.
 */

/** Columns of the generated statement (generateStatement.ts). */
const DATE = 3;
const AMOUNT = 5;
const RATE = 7;

type Parsed = { date: string | null; amountFen: number | null; rate: string | null; texts: string[] };

function parseRow(cells: readonly Cell[]): Parsed {
  const date = readDate(cells[DATE] ?? null);
  const amount = readAmount(cells[AMOUNT] ?? null);
  const rate = readRate(cells[RATE] ?? null);
  return {
    date: date.kind === 'value' ? date.value : null,
    amountFen: amount.kind === 'value' ? amount.value : null,
    rate: rate.kind === 'value' ? rate.value : null,
    texts: cells.map((c) => cellText(c)),
  };
}

function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (v.richText) return v.richText.map((p) => p.text).join('');
    return 'result' in v ? plainCell(v.result) : typeof v.text === 'string' ? v.text : null;
  }
  return value as Cell;
}

export async function streamXlsxFloor(bytes: Buffer): Promise<Parsed[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: Parsed[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) rows.push(parseRow((row.values as unknown[]).slice(1).map(plainCell)));
  }
  return rows;
}

/**
 * The same read by the app's own .xlsx reader alone (electron/bank/xlsxStream.ts), beside the
 * exceljs floor: what reading costs the import before any header search or typing.
 */
export async function ownXlsxRead(bytes: Buffer): Promise<Parsed[]> {
  const xlsx = await openXlsx(bytes, 'bench.xlsx');
  const rows: Parsed[] = [];
  for (const sheet of xlsx.sheets) {
    for await (const batch of sheetRows(xlsx, bytes, sheet, 'bench.xlsx', Number.MAX_SAFE_INTEGER)) for (const [, cells] of batch) rows.push(parseRow(cells));
  }
  return rows;
}

export function xlsFloor(bytes: Buffer): Parsed[] {
  const workbook = XLSX.read(bytes, { type: 'buffer', dense: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  return sheet ? XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null }).map(parseRow) : [];
}

export function gbkCsvFloor(bytes: Buffer): Parsed[] {
  return Papa.parse<string[]>(iconv.decode(bytes, 'gb18030'), { delimiter: ',' }).data.map(parseRow);
}
