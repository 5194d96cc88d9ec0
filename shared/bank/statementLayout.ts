import { cellText, readAmount, readCurrency, readDate, type Cell } from './cellValues';
import { amountSideOf, canonicalHeader, directionOf, roleOf, type AmountSide, type Role } from './headerWords';

export type Layout = {
  /** Index of the header row in the grid (the first one, when the header spans two rows). */
  headerRow: number;
  /** Index of the first row that can hold data: after the header and its sub-heading row. */
  dataRow: number;
  /** Column indexes per role, left to right. */
  columns: Partial<Record<Role, number[]>>;
  /** A currency named above the header (币种: 美元), applying to every row. */
  titleCurrency: string | null;
};

/**
 * The user's assignment of roles to a file's columns (SPEC §10): the 0-based header row in the
 * statement's sheet and a 0-based column index per role. Remembered under `headerKey` of that row.
 */
export type ColumnMapping = { headerRow: number; columns: Partial<Record<Role, number>> };

/** The statement's sheet as the preview shows it, for the user to check or assign its columns. */
export type StatementSheet = {
  /** The first 20 rows of the sheet, as display text, all as wide as the widest. */
  rows: string[][];
  headerRow: number | null;
  columns: Partial<Record<Role, number[]>>;
  headerKey: string | null;
  /** How the header was found; null when it was not (the user assigns the columns). */
  source: 'words' | 'remembered' | 'user' | null;
};

/**
 * The key a remembered mapping is stored under: the header row's cells normalised
 * (`canonicalHeader`) and joined by `|`, trailing blank cells left out.
 */
export function headerKey(cells: readonly Cell[]): string {
  const parts = cells.map((cell) => canonicalHeader(cellText(cell)));
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('|');
}

export const DATE_ROLES: readonly Role[] = ['valueDate', 'tradeDate'];
export const AMOUNT_ROLES: readonly Role[] = ['amount', 'credit', 'debit'];
export const HEADER_SEARCH_ROWS = 30;

type HeaderColumn = { index: number; role: Role; side: AmountSide };

const text = (row: readonly Cell[] | undefined, c: number) => cellText(row?.[c] ?? null);

/** A sub-heading that splits a group heading into money out and money in: 借方|贷方, 支出|收入. */
function subDirection(cell: string): 'credit' | 'debit' | null {
  if (cell === '' || /^\d+$/.test(cell)) return null;
  const role = roleOf(cell);
  if (role === 'credit' || role === 'debit') return role;
  const said = directionOf(cell);
  return said === 'in' ? 'credit' : said === 'out' ? 'debit' : null;
}

function wordsOnly(cell: Cell): boolean {
  const t = cellText(cell);
  return t === '' || (typeof cell === 'string' && readAmount(cell).kind !== 'value' && readDate(cell).kind !== 'value');
}

/** The group heading over column c: its own cell, or the nearest one to its left (a merged cell). */
function groupOver(row: readonly Cell[], c: number): string {
  for (let i = c; i >= 0; i--) {
    const t = text(row, i);
    if (t !== '') return t;
  }
  return '';
}

/**
 * The header's columns at row r: one row, or two when the row below splits an amount group
 * heading (发生额, 金额/元, 交易金额 …, merged or repeated) into 借方|贷方 or 支出|收入 (SPEC §10).
 */
function headerColumns(grid: readonly (readonly Cell[])[], r: number): { columns: HeaderColumn[]; rows: 1 | 2 } {
  const row = grid[r] ?? [];
  const below = grid[r + 1] ?? [];
  const width = Math.max(row.length, below.length);
  const split: (Role | null)[] = [];
  for (let c = 0; c < width; c++) {
    const sub = subDirection(text(below, c));
    split[c] = sub !== null && roleOf(groupOver(row, c)) === 'amount' ? sub : null;
  }
  // A sub-heading row holds words only; a row with a date or a figure in it is data.
  const wordsBelow = below.some((cell) => cellText(cell) !== '') && below.every((cell) => wordsOnly(cell));
  const twoRows = split.some((s) => s !== null) && wordsBelow;
  if (!twoRows && wordsBelow) {
    // A row of words under a complete header (an English gloss row, a units row) belongs to the header, not the data.
    const alone = headerColumns([row], 0);
    if (namesDateAndAmount(byRole(alone.columns))) return { columns: alone.columns, rows: 2 };
  }
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c++) {
    const own = text(row, c);
    const sub = twoRows ? text(below, c) : '';
    const group = twoRows ? groupOver(row, c) : own;
    const splitRole = split[c];
    if (splitRole) {
      columns.push({ index: c, role: splitRole, side: amountSideOf(group) });
      continue;
    }
    // A two-row header names a column in either row, or by both together (对方 over 户名).
    const candidates = sub !== '' ? [sub, `${own === '' ? group : own}${sub}`, own] : [own];
    for (const label of candidates) {
      const role = label === '' ? null : roleOf(label);
      if (role) {
        columns.push({ index: c, role, side: amountSideOf(label) });
        break;
      }
    }
  }
  return { columns, rows: twoRows ? 2 : 1 };
}

/** Where a file has the booked pair beside the transaction's own, only the booked pair is read. */
function preferBooked(columns: HeaderColumn[]): HeaderColumn[] {
  const money = (c: HeaderColumn) => AMOUNT_ROLES.includes(c.role);
  const currency = (c: HeaderColumn) => c.role === 'currency';
  let kept = columns;
  for (const kind of [money, currency]) {
    if (kept.some((c) => kind(c) && c.side === 'booked') && kept.some((c) => kind(c) && c.side === 'transaction')) {
      kept = kept.filter((c) => !(kind(c) && c.side === 'transaction'));
    }
  }
  return kept;
}

function byRole(columns: readonly HeaderColumn[]): Partial<Record<Role, number[]>> {
  const result: Partial<Record<Role, number[]>> = {};
  for (const c of columns) (result[c.role] ??= []).push(c.index);
  return result;
}

/** Whether the columns name at least a date and an amount role: what makes a row the header. */
export function namesDateAndAmount(columns: Partial<Record<Role, readonly number[] | number>>): boolean {
  return DATE_ROLES.some((role) => columns[role] !== undefined) && AMOUNT_ROLES.some((role) => columns[role] !== undefined);
}

/**
 * The header is the first row, among the first thirty, whose cells name at least a date and an
 * amount role (SPEC §10), with the row below when it splits an amount heading into 借方|贷方.
 * Null when there is none: the user can then assign the columns.
 */
export function findLayout(grid: readonly (readonly Cell[])[]): Layout | null {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const header = headerColumns(grid, r);
    const columns = byRole(preferBooked(header.columns));
    if (namesDateAndAmount(columns)) return { headerRow: r, dataRow: r + header.rows, columns, titleCurrency: titleCurrency(grid.slice(0, r)) };
  }
  return null;
}

/**
 * The layout a mapping gives: its columns, data from the row after the header — or the one after
 * that when the row below is a 借方|贷方 sub-heading row (never data).
 */
export function layoutFromMapping(grid: readonly (readonly Cell[])[], mapping: ColumnMapping): Layout {
  const columns: Partial<Record<Role, number[]>> = {};
  for (const [role, index] of Object.entries(mapping.columns) as [Role, number | undefined][]) if (index !== undefined) columns[role] = [index];
  const below = grid[mapping.headerRow + 1] ?? [];
  const dates = [...(columns.valueDate ?? []), ...(columns.tradeDate ?? [])];
  const subHeading = below.some((cell) => subDirection(cellText(cell)) !== null) && !dates.some((c) => readDate(below[c] ?? null).kind === 'value');
  return {
    headerRow: mapping.headerRow,
    dataRow: mapping.headerRow + (subHeading ? 2 : 1),
    columns,
    titleCurrency: titleCurrency(grid.slice(0, mapping.headerRow)),
  };
}

/**
 * The header row for columns given without one (the command line's `--columns date=1,credit=5`):
 * the nearest non-blank row above the first row whose date column holds a date and whose amount
 * columns hold a figure — skipping a 借方|贷方 sub-heading row. Null when no row reads so.
 */
export function headerRowFor(grid: readonly (readonly Cell[])[], columns: ColumnMapping['columns']): number | null {
  const dates = DATE_ROLES.flatMap((role) => (columns[role] === undefined ? [] : [columns[role]]));
  const amounts = AMOUNT_ROLES.flatMap((role) => (columns[role] === undefined ? [] : [columns[role]]));
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS + 2);
  for (let r = 1; r < limit; r++) {
    const row = grid[r] ?? [];
    if (!dates.some((c) => readDate(row[c] ?? null).kind === 'value') || !amounts.some((c) => readAmount(row[c] ?? null).kind === 'value')) continue;
    for (let h = r - 1; h >= 0; h--) {
      const above = grid[h] ?? [];
      if (above.every((cell) => cellText(cell) === '')) continue;
      const isSubHeading = above.some((cell) => subDirection(cellText(cell)) !== null) && above.every((cell) => wordsOnly(cell)) && h > 0;
      if (isSubHeading && (grid[h - 1] ?? []).some((cell) => cellText(cell) !== '')) return h - 1;
      return h < HEADER_SEARCH_ROWS ? h : null;
    }
    return null;
  }
  return null;
}

/** A layout's columns as a mapping (the first column of each role), e.g. to remember or show it. */
export function mappingOf(layout: Layout): ColumnMapping {
  const columns: Partial<Record<Role, number>> = {};
  for (const [role, indexes] of Object.entries(layout.columns) as [Role, number[]][]) if (indexes[0] !== undefined) columns[role] = indexes[0];
  return { headerRow: layout.headerRow, columns };
}

const CURRENCY_LABEL = /^(币种|货币|币别|交易货币|交易币种|记账币种|账户币种)\s*[:：]\s*(.*)$/;

/** 币种: 美元 in one cell, or 币种: and 美元 in the next. */
function titleCurrency(rows: readonly (readonly Cell[])[]): string | null {
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const m = CURRENCY_LABEL.exec(cellText(row[c] ?? null));
      if (!m) continue;
      const inline = m[2]?.trim();
      const given = inline ? inline : (row.slice(c + 1).find((cell) => cellText(cell) !== '') ?? null);
      const currency = readCurrency(given);
      if (currency.kind === 'value') return currency.value;
    }
  }
  return null;
}
