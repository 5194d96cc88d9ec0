import type ExcelJS from 'exceljs';

/*
 * The look of the printed form, as shared style objects: one object per style, reused by every
 * cell, so fifty forms cost little more than fifty plain sheets.
 */

export const FONT_NAME = '宋体';

export const font = {
  title: { name: FONT_NAME, size: 18, bold: true },
  subtitle: { name: FONT_NAME, size: 11 },
  section: { name: FONT_NAME, size: 11, bold: true },
  label: { name: FONT_NAME, size: 10, bold: true },
  body: { name: FONT_NAME, size: 10 },
  small: { name: FONT_NAME, size: 9, color: { argb: 'FF555555' } },
} satisfies Record<string, Partial<ExcelJS.Font>>;

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const hair: Partial<ExcelJS.Border> = { style: 'hair', color: { argb: 'FF888888' } };

export const border = {
  box: { top: thin, left: thin, bottom: thin, right: thin },
  /** A line to write on. */
  rule: { bottom: hair },
} satisfies Record<string, Partial<ExcelJS.Borders>>;

export const fill = {
  header: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } },
  section: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } },
} satisfies Record<string, ExcelJS.Fill>;

export const align = {
  center: { vertical: 'middle', horizontal: 'center', wrapText: true },
  left: { vertical: 'middle', horizontal: 'left', wrapText: true, indent: 1 },
  right: { vertical: 'middle', horizontal: 'right', indent: 1 },
  top: { vertical: 'top', horizontal: 'left', wrapText: true },
} satisfies Record<string, Partial<ExcelJS.Alignment>>;

export const numFmt = { money: '#,##0.00', score: '0.00', weight: '0.##', percent: '0.00"%"', count: '0', text: '@' };

/** What a sheet is given when it is added (its print setup and row height). */
export type SheetOptions = Partial<ExcelJS.AddWorksheetOptions>;

/**
 * A4, one page wide, centred, title rows repeated, page numbers in the footer. Given when the
 * sheet is added, not set on it later: the streaming writer (streamedWorkbook.ts) writes a
 * sheet's properties as soon as the sheet exists.
 */
export function printedSheet(titleRows: string, how: { orientation?: 'portrait' | 'landscape'; defaultRowHeight?: number } = {}): SheetOptions {
  return {
    ...(how.defaultRowHeight ? { properties: { defaultRowHeight: how.defaultRowHeight } } : {}),
    pageSetup: {
      paperSize: 9,
      orientation: how.orientation ?? 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: titleRows,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  };
}

export type CellStyle = {
  font?: Partial<ExcelJS.Font>;
  border?: Partial<ExcelJS.Borders>;
  alignment?: Partial<ExcelJS.Alignment>;
  numFmt?: string;
  fill?: ExcelJS.Fill;
};

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (part: object | undefined) => {
  if (!part) return 0;
  let id = ids.get(part);
  if (id === undefined) ids.set(part, (id = nextId++));
  return id;
};
const styles = new Map<string, Partial<ExcelJS.Style>>();

/**
 * One style object per combination of parts, shared by every cell that uses it: exceljs then
 * works each style out once (it remembers style objects it has seen), not once per cell.
 * Cells must never be styled property by property afterwards, or the shared object would change.
 */
export function sharedStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const key = `${idOf(style.font)}|${idOf(style.border)}|${idOf(style.alignment)}|${idOf(style.fill)}|${style.numFmt ?? ''}`;
  let shared = styles.get(key);
  if (!shared) {
    shared = Object.freeze({ ...style }) as Partial<ExcelJS.Style>;
    styles.set(key, shared);
  }
  return shared;
}
