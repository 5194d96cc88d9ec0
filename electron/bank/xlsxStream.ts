import { StringDecoder } from 'node:string_decoder';
import { DomainError } from '../../shared/api/errors';
import type { Cell } from '../../shared/bank/cellValues';
import { guardXlsx, STATEMENT_LIMITS, type ZipEntry } from '../files/zipGuard';
import { sheetHandler, type SheetContext } from './sheetXmlScanner';
import { dateStyles, sharedStrings, workbookParts } from './xlsxParts';
import { XmlScanner } from './xmlScanner';
import { entryChunks, entryText, findEntry } from './zipEntryText';

/*
 * A statement .xlsx read as a stream (issue 8.6) by a reader of our own: the zip's central
 * directory (read once, by the zip guard), only the parts the cells need inflated, each sheet's
 * XML scanned chunk by chunk and its rows taken as they close. exceljs's streaming reader cost
 * 290–530 MB for a 200,000-row file (its row and cell objects, and SAX events for every tag);
 * this keeps one chunk of XML and the shared strings, and hands rows on in batches as they are
 * scanned (the import types them as they come, statementReader.ts). The cells come out
 * as exceljs's whole-workbook read gives them: dates by number format, shared and rich strings
 * as text, formulas by their cached results (0 included), merged cells carrying their group's
 * value. The sheets and their order come from workbook.xml and its relationships, read before
 * any sheet: no zip order can make a sheet arrive before the list that names it.
 */

export type Grid = Cell[][];

/**
 * A cell of exceljs's whole-workbook read as a statement takes it (rich text, formulas and
 * hyperlinks are objects there; a statement needs their text). The app no longer reads with
 * exceljs: this is the reference its reader is tested against (test/integration/xlsx*.test.ts).
 */
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
function decodeRange(ref: string): MergeRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1] ?? 'A'), bottom: Number(m[4]) - 1, right: col(m[3] ?? 'A'), value: null };
}

type MergeRange = { top: number; left: number; bottom: number; right: number; value: Cell };

/** One row of a sheet: its 0-based index and its cells. */
export type SheetRow = readonly [index: number, cells: Cell[]];

/** An .xlsx opened for reading: its directory, its sheets in workbook order, what their cells need. */
export type OpenXlsx = { entries: ZipEntry[]; sheets: ZipEntry[]; context: SheetContext };

/**
 * Opens an .xlsx statement behind the zip guard (refusing a bomb, naming the file). A file that is
 * no readable zip, or whose XML is damaged or cut short, throws a plain Error (the caller names
 * the file).
 */
export async function openXlsx(bytes: Uint8Array, file: string): Promise<OpenXlsx> {
  const entries = guardXlsx(bytes, file, STATEMENT_LIMITS);
  if (!entries) throw new Error('no zip directory (the file is cut short or damaged)');
  const parts = await workbookParts(bytes, entries, file);
  const context = {
    strings: await sharedStrings(bytes, entries, parts.sharedStrings, file),
    dateStyles: await dateStyles(bytes, entries, parts.styles, file),
    date1904: parts.date1904,
  };
  const sheets = parts.sheets.map((name) => findEntry(entries, name)).filter((e): e is ZipEntry => e !== undefined);
  return { entries, sheets, context };
}

const MERGE = Buffer.from('mergeCell');

/**
 * A sheet's `<mergeCell ref>`s. They come after all its rows, and a merged header decides the
 * layout before the first data row is read, so they are found first: the sheet is inflated once
 * more and searched as bytes, and only its tail from the first `mergeCell` is scanned as XML.
 */
async function sheetMerges(bytes: Uint8Array, entry: ZipEntry, file: string): Promise<string[]> {
  const merges: string[] = [];
  let scanner: XmlScanner | null = null;
  const decoder = new StringDecoder('utf8');
  let tail = Buffer.alloc(0);
  for await (const chunk of entryChunks(bytes, entry, file)) {
    if (scanner) {
      scanner.write(decoder.write(chunk));
      continue;
    }
    const joined = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    const at = joined.indexOf(MERGE);
    if (at < 0) {
      tail = Buffer.from(joined.subarray(Math.max(0, joined.length - 64)));
      continue;
    }
    const start = joined.lastIndexOf('<', at);
    scanner = new XmlScanner(sheetHandler({ strings: [], dateStyles: new Set(), date1904: false }, () => undefined, merges));
    scanner.write(decoder.write(joined.subarray(Math.max(0, start))));
  }
  if (scanner) {
    scanner.write(decoder.end());
    scanner.end();
  }
  return merges;
}

/**
 * A sheet's rows in order, in batches as the XML inflates: every index from the first row to the
 * last (a row the XML leaves out comes as []), merged ranges' other cells carrying their top-left
 * cell's value (as the loaded workbook gave them). Refuses, naming the file, the row that takes
 * `before` rows of earlier sheets plus this one's past `maxRows`, when it comes.
 */
export async function* sheetRows(xlsx: OpenXlsx, bytes: Uint8Array, entry: ZipEntry, file: string, maxRows: number, before = 0): AsyncGenerator<SheetRow[]> {
  const merges = (await sheetMerges(bytes, entry, file))
    .map(decodeRange)
    .filter((m): m is MergeRange => m !== null)
    .map((m, order) => ({ ...m, order }))
    .sort((a, b) => a.top - b.top || a.order - b.order);
  // A merged range reaching past the limit makes the sheet that long: refused before filling it.
  if (merges.some((m) => before + m.bottom + 1 > maxRows)) throw new DomainError('bank.tooManyRows', { file });
  let nextMerge = 0;
  let active: (MergeRange & { order: number })[] = [];
  let next = 0;
  let batch: SheetRow[] = [];
  const emit = (index: number, cells: Cell[]) => {
    // Counted as the whole-file check counts them: every row up to the last, blank ones too.
    if (before + index + 1 > maxRows) throw new DomainError('bank.tooManyRows', { file });
    if (merges.length > 0) {
      active = active.filter((m) => m.bottom >= index);
      let added = false;
      while (nextMerge < merges.length && (merges[nextMerge]?.top ?? Infinity) <= index) {
        const m = merges[nextMerge++];
        if (m && m.bottom >= index) [active, added] = [[...active, m], true];
      }
      if (added) active.sort((a, b) => a.order - b.order);
      for (const m of active) {
        if (m.top === index) m.value = cells[m.left] ?? null;
        for (let c = m.left; c <= m.right; c++) {
          if (index === m.top && c === m.left) continue;
          while (cells.length < c) cells.push(null);
          cells[c] = m.value;
        }
      }
    }
    batch.push([index, cells]);
    next = index + 1;
  };
  const onRow = (rowNumber: number, cells: Cell[]) => {
    const index = rowNumber - 1;
    if (index < next) return;
    while (next < index) emit(next, []);
    emit(index, cells);
  };
  const scanner = new XmlScanner(sheetHandler(xlsx.context, onRow, []));
  for await (const chunk of entryText(bytes, entry, file)) {
    scanner.write(chunk);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  scanner.end();
  // Merged ranges reaching below the last row make rows of their own.
  const last = merges.reduce((n, m) => Math.max(n, m.bottom), -1);
  while (next <= last) emit(next, []);
  if (batch.length > 0) yield batch;
}

/**
 * Reads every sheet of an .xlsx statement whole, in workbook order, refusing (naming the file)
 * one that would inflate past the limits or holds more than `maxRows` rows in all — as soon as
 * the row past the limit arrives, not after reading the rest.
 */
export async function readXlsxStream(bytes: Uint8Array, file: string, maxRows: number): Promise<Grid[]> {
  const xlsx = await openXlsx(bytes, file);
  const grids: Grid[] = [];
  let before = 0;
  for (const entry of xlsx.sheets) {
    const grid: Grid = [];
    for await (const rows of sheetRows(xlsx, bytes, entry, file, maxRows, before)) for (const [index, cells] of rows) grid[index] = cells;
    before += grid.length;
    grids.push(grid);
  }
  return grids;
}
