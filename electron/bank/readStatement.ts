import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { DomainError } from '../../shared/api/errors';
import type { Cell } from '../../shared/bank/cellValues';
import { findLayout, HEADER_SEARCH_ROWS } from '../../shared/bank/statementLayout';
import { openXlsx, readXlsxStream, sheetRows, type SheetRow } from './xlsxStream';

export type Grid = Cell[][];

export const MAX_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;

type Kind = 'xlsx' | 'xls' | 'text' | { notStatement: string };

/** Names of the files inside a zip, from its central directory; null when it has none (cut short, or no zip). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + skip;
    }
    return names;
  }
  return null;
}

/** What a zip that is no workbook holds, by its parts: a .docx is a zip too, and no statement. */
function zipKind(names: readonly string[]): Kind {
  if (names.some((n) => /^xl\/workbook\d*\.xml$/i.test(n))) return 'xlsx';
  if (names.some((n) => n.startsWith('word/'))) return { notStatement: 'Word (.docx)' };
  if (names.some((n) => n.startsWith('ppt/'))) return { notStatement: 'PowerPoint (.pptx)' };
  if (names.includes('mimetype') || names.includes('content.xml')) return { notStatement: 'OpenDocument' };
  return { notStatement: 'ZIP' };
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const UTF16 = (text: string) => Buffer.from(text, 'utf16le');

/**
 * What a file really is, by its first bytes, whatever its name says: a .csv that is really an
 * .xls is read as .xls; a PDF, an image or a Word file is refused as no statement at all.
 */
function kindOf(bytes: Uint8Array): Kind {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const names = zipEntryNames(bytes);
    // A zip cut short has no directory: it is read as .xlsx, and says it cannot be read.
    return names === null ? 'xlsx' : zipKind(names);
  }
  if (startsWith(bytes, 0x50, 0x4b)) return 'xlsx';
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buffer.includes(UTF16('WordDocument')) && !buffer.includes(UTF16('Workbook'))) return { notStatement: 'Word (.doc)' };
    return 'xls';
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return { notStatement: 'PDF' };
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return { notStatement: 'PNG' };
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { notStatement: 'JPEG' };
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return { notStatement: 'GIF' };
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return { notStatement: 'RTF' };
  return 'text';
}

/**
 * Reads a bank statement into rows of cells, one grid per sheet: .xlsx with our own reader, .xls
 * (BIFF8) and HTML tables with SheetJS, .csv in UTF-8 or GBK/GB18030, comma- or tab-separated.
 * Any failure is a DomainError naming the file.
 */
export async function readStatement(bytes: Uint8Array, file: string): Promise<Grid[]> {
  checkBytes(bytes, file);
  return checkedGrids(await readGrids(bytes, file), file);
}

function checkBytes(bytes: Uint8Array, file: string): void {
  if (bytes.length > MAX_BYTES) throw new DomainError('bank.tooLarge', { file });
  if (bytes.length === 0) throw new DomainError('bank.empty', { file });
}

function checkedGrids(grids: Grid[], file: string): Grid[] {
  if (grids.every((g) => g.every((row) => row.every((c) => c === null || c === '')))) throw new DomainError('bank.empty', { file });
  if (grids.reduce((n, g) => n + g.length, 0) > MAX_ROWS + HEADER_SEARCH_ROWS) throw new DomainError('bank.tooManyRows', { file });
  return grids;
}

/** The rows `readBankStatement` needs in hand before it can read the rest as they come. */
export const HEAD_ROWS = HEADER_SEARCH_ROWS + 2;

/**
 * A one-sheet .xlsx statement read as it streams (issue 8.6): its first `HEAD_ROWS` rows (where
 * the header, the title and the rows shown for mapping are) in hand, the rest to come in batches.
 * Iterating `rest` to its end is reading the file: damage or too many rows show up there.
 */
export type StreamedSheet = { head: Grid; rest: AsyncGenerator<SheetRow[]> };

/** Failures met while streaming are the file's, named, as `readStatement` reports them. */
async function* named(rows: AsyncIterable<SheetRow[]>, file: string): AsyncGenerator<SheetRow[]> {
  try {
    yield* rows;
  } catch (error) {
    throw asDomainError(error, file);
  }
}

/**
 * A library's own English ("Corrupted zip: can't find end of central directory", "invalid
 * distance too far back") is never shown: it means the file is damaged or cut short, said in the
 * user's words; Chinese from our own readers is passed on.
 */
function asDomainError(error: unknown, file: string): DomainError {
  if (error instanceof DomainError) return error;
  const text = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (/[\u4e00-\u9fff]/.test(text)) return new DomainError('bank.unreadable', { file, reason: text });
  const damagedZip = /zip|central dir|compression|inflat|deflat|header check|distance|block type|stored block|unexpected end|end of data|crc/i;
  return new DomainError(damagedZip.test(text) ? 'bank.damaged' : 'bank.notTable', { file });
}

/**
 * The statement as `readStatement` gives it, except a one-sheet .xlsx whose first rows hold
 * something: that one is streamed, so that its rows are typed as they arrive and its cells are
 * never all in memory at once (a 200,000-row file, issue 8.6).
 */
export async function readStatementSheets(bytes: Uint8Array, file: string): Promise<{ grids: Grid[] } | { stream: StreamedSheet }> {
  checkBytes(bytes, file);
  if (kindOf(bytes) !== 'xlsx') return { grids: checkedGrids(await readGrids(bytes, file), file) };
  try {
    const xlsx = await openXlsx(bytes, file);
    const [only] = xlsx.sheets;
    if (!only || xlsx.sheets.length > 1) return { grids: checkedGrids(await readXlsxStream(bytes, file, MAX_ROWS + HEADER_SEARCH_ROWS), file) };
    const rows = sheetRows(xlsx, bytes, only, file, MAX_ROWS + HEADER_SEARCH_ROWS)[Symbol.asyncIterator]();
    const head: Grid = [];
    const early: SheetRow[] = [];
    let done = false;
    while (head.length < HEAD_ROWS && !done) {
      const next = await rows.next();
      if (next.done) done = true;
      else
        for (const row of next.value)
          if (row[0] < HEAD_ROWS) head.push(row[1]);
          else early.push(row);
    }
    const rest = (async function* () {
      if (early.length > 0) yield early;
      if (!done) yield* { [Symbol.asyncIterator]: () => rows };
    })();
    if (head.some((row) => row.some((c) => c !== null && c !== ''))) return { stream: { head, rest: named(rest, file) } };
    // Nothing in its first rows: an odd sheet, read whole and checked as every other file is.
    const grid = [...head];
    for await (const batch of rest) for (const [, cells] of batch) grid.push(cells);
    return { grids: checkedGrids([grid], file) };
  } catch (error) {
    throw asDomainError(error, file);
  }
}

async function readGrids(bytes: Uint8Array, file: string): Promise<Grid[]> {
  const kind = kindOf(bytes);
  if (typeof kind === 'object') throw new DomainError('bank.notStatement', { file, kind: kind.notStatement });
  try {
    if (kind === 'xlsx') return await readXlsx(bytes, file);
    if (kind === 'xls') return readWithSheetJs(bytes);
    const text = decodeText(bytes, file);
    if (/^\s*$/.test(text)) throw new DomainError('bank.empty', { file });
    if (/<(table|html)[\s>]/i.test(text.slice(0, 4096))) return readWithSheetJs(Buffer.from(text, 'utf8'));
    return [readCsv(text)];
  } catch (error) {
    throw asDomainError(error, file);
  }
}

/**
 * Read as a stream by our own reader (issue 8.6). The whole-workbook read that stood behind
 * exceljs's streaming reader is gone: that reader could meet a sheet before the workbook's list
 * of sheets (zip order is the writer's, and under load it did), or not find a sheet by an
 * unusual name; ours reads workbook.xml and its relationships first and finds every sheet
 * through them, so neither can happen, and a file it cannot read the whole read could not either.
 */
async function readXlsx(bytes: Uint8Array, file: string): Promise<Grid[]> {
  return readXlsxStream(bytes, file, MAX_ROWS + HEADER_SEARCH_ROWS);
}

function readWithSheetJs(bytes: Uint8Array): Grid[] {
  const workbook = XLSX.read(bytes, { type: 'buffer', cellDates: false, dense: true });
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name];
    return sheet ? (XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true }) as Grid) : [];
  });
}

/** UTF-16 by its BOM; UTF-8 with or without BOM when the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  // Excel's "Unicode text" (另存为 Unicode 文本) is UTF-16 LE with a BOM, tab-separated.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16-le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16-be');
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
 * "来账\t,国际汇款\t,…"), else whichever splits the first rows into the most columns (so the
 * user can assign them), then the whole file parsed once with that delimiter.
 */
function readCsv(text: string): Grid {
  const head = text.split(/\r?\n/, HEADER_SEARCH_ROWS).join('\n');
  const candidates = ([',', '\t', ';', '|'] as const).map((d) => {
    const rows = Papa.parse<string[]>(head, { delimiter: d }).data;
    return { d, layout: findLayout(rows), width: rows.reduce((n, row) => n + row.length, 0) };
  });
  const byWords = candidates
    .filter((c) => c.layout !== null)
    .sort((a, b) => Object.keys(b.layout?.columns ?? {}).length - Object.keys(a.layout?.columns ?? {}).length)[0];
  const delimiter = byWords?.d ?? [...candidates].sort((a, b) => b.width - a.width)[0]?.d ?? ',';
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
}
