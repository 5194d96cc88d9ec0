import { DomainError } from '../../shared/api/errors';
import type { Cell } from '../../shared/bank/cellValues';
import { guardXlsx, STATEMENT_LIMITS } from '../files/zipGuard';
import { sheetHandler } from './sheetXmlScanner';
import { dateStyles, scanEntry, sharedStrings, workbookParts } from './xlsxParts';
import { findEntry } from './zipEntryText';

/*
 * A statement .xlsx read as a stream (issue 8.6) by a reader of our own: the zip's central
 * directory (read once, by the zip guard), only the parts the cells need inflated, each sheet's
 * XML scanned chunk by chunk and its rows taken as they close. exceljs's streaming reader cost
 * 290–530 MB for a 200,000-row file (its row and cell objects, and SAX events for every tag);
 * this keeps one chunk of XML, the shared strings and the rows' plain cells. The cells come out
 * as exceljs's whole-workbook read gives them: dates by number format, shared and rich strings
 * as text, formulas by their cached results (0 included), merged cells carrying their group's
 * value. The sheets and their order come from workbook.xml and its relationships, read before
 * any sheet: no zip order can make a sheet arrive before the list that names it.
 */

export type Grid = Cell[][];

/** exceljs gives rich text, formulas and hyperlinks as objects; a statement needs their text. */
export function excelValue(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return excelValue(v.result);
    if (typeof v.text === 'string') return v.text;
  }
  return null;
}

/** "A1:C2" → its corners, 0-based. */
function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1] ?? 'A'), bottom: Number(m[4]) - 1, right: col(m[3] ?? 'A') };
}

/** Gives each merged range's other cells its top-left value, as the loaded workbook did. */
function spreadMerges(grid: Grid, merges: readonly string[]): void {
  for (const ref of merges) {
    const range = decodeRange(ref);
    if (!range) continue;
    const value = grid[range.top]?.[range.left] ?? null;
    for (let r = range.top; r <= range.bottom; r++) {
      const row = (grid[r] ??= []);
      for (let c = range.left; c <= range.right; c++) {
        if (r === range.top && c === range.left) continue;
        while (row.length < c) row.push(null);
        row[c] = value;
      }
    }
  }
}

/**
 * Reads every sheet of an .xlsx statement, in workbook order, refusing (naming the file) one
 * that would inflate past the limits or holds more than `maxRows` rows in all — as soon as
 * the row past the limit arrives, not after reading the rest. A file that is no readable zip,
 * or whose XML is damaged or cut short, throws a plain Error (the caller names the file).
 */
export async function readXlsxStream(bytes: Uint8Array, file: string, maxRows: number): Promise<Grid[]> {
  const entries = guardXlsx(bytes, file, STATEMENT_LIMITS);
  if (!entries) throw new Error('no zip directory (the file is cut short or damaged)');
  const parts = await workbookParts(bytes, entries, file);
  const context = {
    strings: await sharedStrings(bytes, entries, parts.sharedStrings, file),
    dateStyles: await dateStyles(bytes, entries, parts.styles, file),
    date1904: parts.date1904,
  };
  const grids: Grid[] = [];
  let before = 0;
  for (const name of parts.sheets) {
    const entry = findEntry(entries, name);
    if (!entry) continue;
    const grid: Grid = [];
    const merges: string[] = [];
    const onRow = (rowNumber: number, cells: Cell[]) => {
      // Counted as the whole-file check counts them: every row up to the last, blank ones too.
      if (before + rowNumber > maxRows) throw new DomainError('bank.tooManyRows', { file });
      grid[rowNumber - 1] = cells;
    };
    await scanEntry(bytes, entry, file, sheetHandler(context, onRow, merges));
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    spreadMerges(grid, merges);
    before += grid.length;
    grids.push(grid);
  }
  return grids;
}
