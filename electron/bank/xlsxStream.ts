import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { DomainError } from '../../shared/api/errors';
import type { Cell } from '../../shared/bank/cellValues';
import { guardXlsx, inflatedBytesGuard, STATEMENT_LIMITS } from '../files/zipGuard';

/*
 * A statement .xlsx read as a stream (issue 8.6): exceljs's WorkbookReader inflates and parses
 * one sheet at a time and hands over rows as they come, so a 200,000-row file costs the rows
 * kept, not the whole workbook model (1.35 GB before). The cells come out as `readXlsx` gave
 * them from the loaded workbook: dates by number format, shared and rich strings as text,
 * formulas by their cached results (0 included), merged cells carrying their group's value.
 */

export type Grid = Cell[][];

type Rel = { Id: string; Target: string };
type SheetModel = { id: number; name: string; rId: string };
/** What the streaming reader knows but does not declare in its types. */
type ReaderInternals = {
  _parseWorksheet: (iterator: AsyncIterable<Buffer | string>, sheetNo: string) => Generator<unknown>;
  _parseSharedStrings: (entry: NodeJS.ReadableStream) => AsyncGenerator<unknown>;
  sharedStrings?: unknown[];
  workbookRels?: Rel[];
  model?: { sheets?: SheetModel[] };
  properties?: { model?: { date1904?: boolean } } | { date1904?: boolean };
};
type StreamRow = { number: number; eachCell: (options: { includeEmpty: boolean }, fn: (cell: ExcelJS.Cell, col: number) => void) => void };
type StreamSheet = { id: number | string } & AsyncIterable<StreamRow>;

/** exceljs's own test for a date number format (utils.isDateFmt), so dates are told as before. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

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

/** A formula whose cached result is 0 or empty: exceljs would drop that result, so the cell is
 * passed on as its cached value alone (what the user sees in Excel). */
const FALSY_RESULT = /<(?:\w+:)?f\b[^>]*?(?:\/>|>[^<]*<\/(?:\w+:)?f>)(<(?:\w+:)?v>0?<\/(?:\w+:)?v>)/g;

/**
 * Passes a sheet's inflated XML on as text: decoded across chunk boundaries (exceljs decodes
 * each chunk alone, splitting a Chinese character that straddles two), refused past the size
 * limit, formulas with a falsy cached result passed as that value, and its `<mergeCell ref>`s
 * — which come after the rows and which the streaming reader ignores — collected.
 */
async function* watchSheet(source: AsyncIterable<Buffer | string>, count: (chunk: Buffer | string) => void, merges: string[]): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let mergeText = '';
  const pass = (text: string) => {
    if (mergeText !== '' || text.includes('mergeCell')) mergeText += text;
    return text.includes('<f') || text.includes(':f') ? text.replace(FALSY_RESULT, '$1') : text;
  };
  for await (const chunk of source) {
    count(chunk);
    let text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    carry = '';
    // A cell whose formula has not met its value yet waits for the next chunk, whole.
    if (text.lastIndexOf('<') > text.lastIndexOf('>') || /<(?:\w+:)?f\b/.test(text.slice(text.lastIndexOf('</c>') + 1))) {
      const cut = text.lastIndexOf('</c>');
      const keep = cut < 0 ? 0 : cut + 4;
      carry = text.slice(keep);
      text = text.slice(0, keep);
    }
    if (text !== '') yield pass(text);
  }
  const rest = carry + decoder.end();
  if (rest !== '') yield pass(rest);
  for (const m of mergeText.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+\d+:[A-Z]+\d+)"/g)) merges.push(m[1] ?? '');
}

/** A zip entry's text decoded across chunk boundaries, as a stream exceljs can iterate. */
function decodedStream(entry: NodeJS.ReadableStream, count: (chunk: Buffer | string) => void): Readable {
  const decoder = new StringDecoder('utf8');
  return Readable.from(
    (async function* () {
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        count(chunk);
        yield decoder.write(chunk);
      }
      yield decoder.end();
    })(),
  );
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
 * the row past the limit arrives, not after reading the rest.
 */
export async function readXlsxStream(bytes: Uint8Array, file: string, maxRows: number): Promise<Grid[] | null> {
  const entries = guardXlsx(bytes, file, STATEMENT_LIMITS);
  // An entry inflating past what the directory declared is lying about its size: stop it there.
  const limit = (name: string) => Math.min(STATEMENT_LIMITS.entryBytes, (entries?.find((e) => e.name === name)?.size ?? STATEMENT_LIMITS.entryBytes) + 1);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  const merges = new Map<string, string[]>();
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => {
    // exceljs reads the workbook's sheet list from xl/workbook.xml; a sheet met before it (zip
    // order is the writer's) would crash on the missing model. The list is read again later.
    internals.model ??= { sheets: [] };
    const list: string[] = [];
    merges.set(String(sheetNo), list);
    return parseWorksheet(watchSheet(iterator, inflatedBytesGuard(file, `sheet${sheetNo}.xml`, limit(`xl/worksheets/sheet${sheetNo}.xml`)), list), sheetNo);
  };
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseSharedStrings = async function* (entry) {
    yield* parseSharedStrings(decodedStream(entry, inflatedBytesGuard(file, 'sharedStrings.xml', limit('xl/sharedStrings.xml'))));
    // An empty shared string (<si><t/></si>) is '' in the loaded workbook, null when streamed.
    internals.sharedStrings = internals.sharedStrings?.map((s) => s ?? '');
  };
  const sheets: { sheetNo: string; grid: Grid }[] = [];
  let before = 0;
  for await (const worksheet of reader as unknown as AsyncIterable<StreamSheet>) {
    const props = internals.properties;
    const date1904 = Boolean(props && ('model' in props ? props.model?.date1904 : (props as { date1904?: boolean }).date1904));
    const sheetNo = String([...merges.keys()].pop() ?? worksheet.id);
    const grid: Grid = [];
    for await (const row of worksheet) {
      // Counted as the whole-file check counts them: every row up to the last, blank ones too.
      if (before + row.number > maxRows) throw new DomainError('bank.tooManyRows', { file });
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        while (cells.length < col - 1) cells.push(null);
        const value = cell.value as unknown;
        // The loaded workbook turns a formula's cached number into a date under a date format.
        const result = value !== null && typeof value === 'object' && 'formula' in value ? (value as { result?: unknown }).result : undefined;
        cells[col - 1] =
          typeof result === 'number' && isDateFormat(cell.numFmt)
            ? new Date(Math.round((result - 25569 + (date1904 ? 1462 : 0)) * 86_400_000))
            : excelValue(value);
      });
      grid[row.number - 1] = cells;
    }
    for (let i = 0; i < grid.length; i++) grid[i] ??= [];
    before += grid.length;
    sheets.push({ sheetNo, grid });
  }
  const declared = internals.model?.sheets ?? [];
  // A sheet the streaming reader does not find by its usual name (xl/worksheets/sheetN.xml):
  // the caller reads the file whole instead, within the same zip limits.
  if (sheets.length < declared.length) return null;
  const order = (sheetNo: string) => {
    const rel = (internals.workbookRels ?? []).find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${sheetNo}.xml`);
    const at = rel ? declared.findIndex((s) => s.rId === rel.Id) : -1;
    return at < 0 ? 1e6 + Number(sheetNo) : at;
  };
  sheets.sort((a, b) => order(a.sheetNo) - order(b.sheetNo));
  return sheets.map(({ sheetNo, grid }) => {
    spreadMerges(grid, merges.get(sheetNo) ?? []);
    return grid;
  });
}
