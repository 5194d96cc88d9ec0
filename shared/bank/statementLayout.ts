import { cellText, readCurrency, type Cell } from './cellValues';
import { roleOf, type Role } from './headerWords';

export type Layout = {
  /** Index of the header row in the grid. */
  headerRow: number;
  /** Column indexes per role, left to right. */
  columns: Partial<Record<Role, number[]>>;
  /** A currency named above the header (币种: 美元), applying to every row. */
  titleCurrency: string | null;
};

const DATE_ROLES: Role[] = ['valueDate', 'tradeDate'];
const AMOUNT_ROLES: Role[] = ['amount', 'credit', 'debit'];
export const HEADER_SEARCH_ROWS = 30;

function columnsOf(row: readonly Cell[]): Partial<Record<Role, number[]>> {
  const columns: Partial<Record<Role, number[]>> = {};
  row.forEach((cell, index) => {
    const role = typeof cell === 'string' ? roleOf(cell) : null;
    if (role) (columns[role] ??= []).push(index);
  });
  return columns;
}

/**
 * The header is the first row, among the first thirty, whose cells name at least a date and an
 * amount role (SPEC §10). Null when there is none: the file is not a statement we can read.
 */
export function findLayout(grid: readonly (readonly Cell[])[]): Layout | null {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const columns = columnsOf(grid[r] ?? []);
    if (DATE_ROLES.some((role) => columns[role]) && AMOUNT_ROLES.some((role) => columns[role])) {
      return { headerRow: r, columns, titleCurrency: titleCurrency(grid.slice(0, r)) };
    }
  }
  return null;
}

const CURRENCY_LABEL = /^(币种|货币|币别|交易货币)\s*[:：]\s*(.*)$/;

/** 币种: 美元 in one cell, or 币种: and 美元 in the next. */
function titleCurrency(rows: readonly (readonly Cell[])[]): string | null {
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const m = CURRENCY_LABEL.exec(cellText(row[c] ?? null));
      if (!m) continue;
      const inline = m[2]?.trim();
      const given = inline ? inline : row.slice(c + 1).find((cell) => cellText(cell) !== '') ?? null;
      const currency = readCurrency(given);
      if (currency.kind === 'value') return currency.value;
    }
  }
  return null;
}
