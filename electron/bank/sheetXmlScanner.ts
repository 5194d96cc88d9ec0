import type { Cell } from '../../shared/bank/cellValues';
import { decodeEscapes } from './xlsxParts';
import { attributesOf, ownString, type XmlHandler } from './xmlScanner';

/*
 * A worksheet's `<sheetData>` read row by row as its XML is scanned (issue 8.6): each `<row>` is
 * handed over when it closes and nothing of it is kept here. Values come out as exceljs's
 * whole-workbook read gives them (its cell-xform), which is what the statement reader was built
 * on: shared strings by index, inline strings (rich runs joined), `t="str"` decoded once more
 * as exceljs does, booleans, errors as null, numbers — as dates under a date style — and a
 * formula by its cached value (0 and '' included; null when it has none). A cell with no value
 * is no cell; the row ends at its last cell.
 */

export type SheetContext = {
  strings: readonly (string | null)[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
};

/** exceljs decodes a `t="str"` value a second time, with the five named entities only. */
const XML_DECODE: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' };
const xmlDecodeAgain = (text: string) => (text.includes('&') ? text.replace(/&([a-z]*);/g, (m) => XML_DECODE[m] ?? m) : text);

/** exceljs's utils.excelToDate: the serial as a UTC instant, time of day kept. */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** "AB12" → 28 (1-based column); 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 97 && ch <= 122) col = col * 26 + ch - 96;
    else break;
  }
  return col;
}

/**
 * The handler for one worksheet's XML: `onRow(number, cells)` for every `<row>` (1-based, blank
 * ones too), and the `<mergeCell ref>`s, which come after the rows, collected in `merges`.
 */
export function sheetHandler(context: SheetContext, onRow: (rowNumber: number, cells: Cell[]) => void, merges: string[]): XmlHandler {
  const { strings, dateStyles, date1904 } = context;
  let inData = false;
  let rowNumber = 0;
  let cells: Cell[] | null = null;
  // The cell being read.
  let col = 0;
  let type = '';
  let style = 0;
  let value: string | undefined;
  let formula = false;
  let runs: string[] | null = null;
  let runText: string | null = null;
  /** Where text goes: the value (`<v>`, `<t>`), the formula (`<f>`), a run's `<t>`, or nowhere. */
  let into: 'value' | 'formula' | 'run' | null = null;

  // As exceljs: parseFloat, a date under a date style (an unreadable one an invalid Date), else NaN is no number.
  const numberCell = (text: string): Cell => {
    const n = parseFloat(text);
    if (dateStyles.has(style)) return excelDate(n, date1904);
    return Number.isNaN(n) ? null : n;
  };

  /** The cell's value, or undefined when it is no cell (nothing in it). */
  const cellValue = (): Cell | undefined => {
    if (formula) {
      if (!value) return null;
      if (type === 'str') return ownString(xmlDecodeAgain(value));
      if (type === 'b') return parseInt(value, 10) !== 0;
      if (type === 'e') return null;
      return numberCell(value);
    }
    if (runs) return type === 'inlineStr' || type === 'str' || type === 's' ? ownString(runs.join('')) : null;
    if (value === undefined) return undefined;
    switch (type) {
      case 's':
        return strings[parseInt(value, 10)] ?? null;
      case 'str':
        return ownString(xmlDecodeAgain(value));
      case 'inlineStr':
        return ownString(value);
      case 'b':
        return parseInt(value, 10) !== 0;
      case 'e':
        return null;
      default:
        return numberCell(value);
    }
  };

  return {
    open: (name, raw, selfClosing) => {
      if (!inData) {
        if (name === 'sheetData') inData = !selfClosing;
        else if (name === 'mergeCell') {
          const ref = attributesOf(raw).ref;
          if (ref) merges.push(ref);
        }
        return;
      }
      switch (name) {
        case 'row': {
          const r = parseInt(attributesOf(raw).r ?? '', 10);
          rowNumber = r > 0 ? r : rowNumber + 1;
          cells = [];
          col = 0;
          return;
        }
        case 'c': {
          const a = attributesOf(raw);
          const given = a.r ? columnOf(a.r) : 0;
          col = given > 0 ? given : col + 1;
          type = a.t ?? '';
          style = a.s ? parseInt(a.s, 10) : 0;
          value = undefined;
          formula = false;
          runs = null;
          into = null;
          return;
        }
        case 'f':
          // A shared formula's other cells have an empty <f t="shared" si="0"/>: still a formula.
          if (attributesOf(raw).t) formula = true;
          into = 'formula';
          return;
        case 'v':
          into = 'value';
          return;
        case 'r':
          runText = '';
          into = null;
          return;
        case 't':
          into = runText !== null ? 'run' : 'value';
          return;
        default:
          return;
      }
    },
    close: (name) => {
      if (!inData) return;
      switch (name) {
        case 'c': {
          const cell = cellValue();
          if (cell !== undefined && cells) {
            while (cells.length < col - 1) cells.push(null);
            cells[col - 1] = cell;
          }
          into = null;
          return;
        }
        case 'row':
          if (cells) onRow(rowNumber, cells);
          cells = null;
          return;
        case 'r':
          (runs ??= []).push(decodeEscapes(runText ?? ''));
          runText = null;
          return;
        case 'f':
        case 'v':
        case 't':
          into = null;
          return;
        case 'sheetData':
          inData = false;
          return;
        default:
          return;
      }
    },
    text: (text) => {
      if (into === 'value') value = value === undefined ? text : value + text;
      else if (into === 'formula') formula = true;
      else if (into === 'run') runText += text;
    },
    wantsText: () => into !== null,
  };
}
