import type { ZipEntry } from '../files/zipGuard';
import { attributesOf, ownString, XmlScanner, type XmlHandler } from './xmlScanner';
import { entryText, findEntry } from './zipEntryText';

/*
 * The workbook-level parts of an .xlsx a statement's cells depend on (issue 8.6), read as
 * exceljs read them so that every cell keeps its value: the sheets in workbook order (through
 * workbook.xml.rels), the 1904 date system, which styles show numbers as dates, and the
 * shared strings (rich text runs joined, phonetic runs left out).
 */

export async function scanEntry(bytes: Uint8Array, entry: ZipEntry, file: string, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of entryText(bytes, entry, file)) scanner.write(chunk);
  scanner.end();
}

const NO_TEXT = () => false;

/** Elements of a small part, attributes only. */
async function elements(bytes: Uint8Array, entry: ZipEntry, file: string, onOpen: (name: string, attributes: string) => void): Promise<void> {
  await scanEntry(bytes, entry, file, { open: onOpen, close: () => undefined, text: () => undefined, wantsText: NO_TEXT });
}

/** "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
const relsOf = (part: string) => part.replace(/([^/]*)$/, '_rels/$1.rels');

/** A relationship's target as a part name: relative to the part's folder, or absolute from the root. */
function resolve(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

async function relationships(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  part: string,
  file: string,
): Promise<{ id: string; type: string; target: string }[]> {
  const entry = findEntry(entries, relsOf(part));
  const rels: { id: string; type: string; target: string }[] = [];
  if (!entry) return rels;
  await elements(bytes, entry, file, (name, raw) => {
    if (name !== 'Relationship') return;
    const a = attributesOf(raw);
    if (a.Id && a.Target && a.TargetMode !== 'External') rels.push({ id: a.Id, type: a.Type ?? '', target: resolve(part, a.Target) });
  });
  return rels;
}

export type WorkbookParts = {
  /** The worksheets' part names, in the workbook's order. */
  sheets: string[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
};

/** The workbook: its sheets in order (each found through its relationship), date system and parts. */
export async function workbookParts(bytes: Uint8Array, entries: readonly ZipEntry[], file: string): Promise<WorkbookParts> {
  const rootRels = await relationships(bytes, entries, '', file);
  const main = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target;
  const workbook = (main ? findEntry(entries, main) : undefined) ?? entries.find((e) => /^xl\/workbook\d*\.xml$/i.test(e.name));
  if (!workbook) throw new Error('no workbook in the file');
  const rels = await relationships(bytes, entries, workbook.name, file);
  const ids: string[] = [];
  let date1904 = false;
  await elements(bytes, workbook, file, (name, raw) => {
    if (name === 'sheet') ids.push(attributesOf(raw).id ?? '');
    // OOXML's boolean is "1" or "true" (LibreOffice writes the latter).
    else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributesOf(raw).date1904 ?? '');
  });
  const part = (type: string) => {
    const target = rels.find((r) => r.type.endsWith(type))?.target;
    return (target ? findEntry(entries, target)?.name : undefined) ?? null;
  };
  // Chart sheets and dialog sheets hold no cells; only worksheets that are in the file count.
  const sheets = ids
    .map((id) => rels.find((r) => r.id === id))
    .filter((r) => r !== undefined && r.type.endsWith('/worksheet'))
    .map((r) => findEntry(entries, r?.target ?? '')?.name)
    .filter((name): name is string => name !== undefined);
  return {
    sheets,
    date1904,
    sharedStrings: part('/sharedStrings') ?? findEntry(entries, 'xl/sharedStrings.xml')?.name ?? null,
    styles: part('/styles') ?? findEntry(entries, 'xl/styles.xml')?.name ?? null,
  };
}

/** exceljs's built-in number formats that read as dates (its table; ids 27–36 it leaves without a format). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's test for a date number format (utils.isDateFmt): a date or time token outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/**
 * Which cell styles (`<c s>`, an index into cellXfs) show numbers as dates: by their custom
 * format when the file defines one for the id, else by the built-in id. Style 0 never does
 * (exceljs looks no style up for it).
 */
export async function dateStyles(bytes: Uint8Array, entries: readonly ZipEntry[], part: string | null, file: string): Promise<Set<number>> {
  const dates = new Set<number>();
  const entry = part ? findEntry(entries, part) : undefined;
  if (!entry) return dates;
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await scanEntry(bytes, entry, file, {
    open: (name, raw) => {
      if (name === 'numFmt') {
        const a = attributesOf(raw);
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attributesOf(raw).numFmtId ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
    wantsText: NO_TEXT,
  });
  xfFormats.forEach((id, style) => {
    if (style === 0 || !id) return;
    const format = custom.get(id);
    if (format !== undefined ? isDateFormat(format) : BUILT_IN_DATE_IDS.has(id)) dates.add(style);
  });
  return dates;
}

/** `_x000D_` and friends: how OOXML writes characters XML cannot carry. */
export const decodeEscapes = (text: string) =>
  text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

/**
 * The shared strings, one per `<si>`: its `<t>`, or its rich text runs joined; phonetic runs
 * (`<rPh>`) left out; an `<si>` with neither is null, as exceljs gives it.
 */
export async function sharedStrings(bytes: Uint8Array, entries: readonly ZipEntry[], part: string | null, file: string): Promise<(string | null)[]> {
  const strings: (string | null)[] = [];
  const entry = part ? findEntry(entries, part) : undefined;
  if (!entry) return strings;
  let plain: string | null = null;
  let runs: string[] | null = null;
  let run: string | null = null;
  let text: string[] | null = null;
  let phonetic = 0;
  await scanEntry(bytes, entry, file, {
    open: (name) => {
      if (phonetic > 0 || name === 'rPh') phonetic += name === 'rPh' ? 1 : 0;
      else if (name === 'si') [plain, runs, run, text] = [null, null, null, null];
      else if (name === 'r') run = '';
      else if (name === 't') text = [];
    },
    close: (name) => {
      if (name === 'rPh') phonetic--;
      else if (phonetic > 0) return;
      else if (name === 't' && text) {
        const value = decodeEscapes(text.join(''));
        if (run !== null) run += value;
        else plain = value;
        text = null;
      } else if (name === 'r') {
        (runs ??= []).push(run ?? '');
        run = null;
      } else if (name === 'si') strings.push(runs ? ownString(runs.join('')) : plain === null ? null : ownString(plain));
    },
    text: (t) => text?.push(t),
    wantsText: () => text !== null && phonetic === 0,
  });
  return strings;
}
