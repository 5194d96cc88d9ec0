import { DomainError } from '../../shared/api/errors';
import { cellText, type Cell } from '../../shared/bank/cellValues';
import type { Role } from '../../shared/bank/headerWords';
import { normalizeRates, type TableRate } from '../../shared/bank/rateNormalization';
import {
  findLayout,
  HEADER_SEARCH_ROWS,
  headerKey,
  layoutFromMapping,
  namesDateAndAmount,
  type ColumnMapping,
  type Layout,
  type StatementSheet,
} from '../../shared/bank/statementLayout';
import { rowTyper, takeRows, type RowOutcome } from '../../shared/bank/statementRows';
import { readStatementSheets, type Grid, type StreamedSheet } from './readStatement';

/** Rows of the sheet shown to the user for assigning columns. */
export const SHOWN_ROWS = 20;
const SHOWN_COLUMNS = 60;

export type ReadOptions = {
  /** The month's table rate, for deciding per-100 rates. */
  tableRate: TableRate;
  /** The user's assignment of columns for this file. */
  mapping?: ColumnMapping;
  /** Remembered assignments by header key (`headerKey`). */
  remembered?: ReadonlyMap<string, Partial<Record<Role, number>>>;
  /** The company's own name key: the counterparty is the side that is not the company. */
  ownKey?: string;
};

/** A statement read: its sheet as shown, the layout used (null when no header was found), every row's outcome. */
export type StatementRead = { sheet: StatementSheet; layout: Layout | null; outcomes: RowOutcome[]; headerCells: string[] | null };

type Chosen = { grid: Grid; layout: Layout | null; source: StatementSheet['source'] };

/** A remembered mapping whose header key is one of the first 30 rows' keys. */
function rememberedLayout(grid: Grid, remembered: ReadOptions['remembered']): Layout | null {
  if (!remembered || remembered.size === 0) return null;
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const key = headerKey(grid[r] ?? []);
    const columns = key === '' ? undefined : remembered.get(key);
    if (columns && namesDateAndAmount(columns)) return layoutFromMapping(grid, { headerRow: r, columns });
  }
  return null;
}

const isBlank = (grid: Grid) => grid.every((row) => row.every((cell) => cellText(cell) === ''));

/**
 * The statement's sheet and how its header was found (SPEC §10): the first sheet with a
 * remembered header, else the first whose header words name a date and an amount, else the
 * first sheet that holds anything (its columns are then the user's to assign).
 */
function chooseSheet(grids: readonly Grid[], remembered: ReadOptions['remembered']): Chosen {
  for (const grid of grids) {
    const layout = rememberedLayout(grid, remembered);
    if (layout) return { grid, layout, source: 'remembered' };
  }
  for (const grid of grids) {
    const layout = findLayout(grid);
    if (layout) return { grid, layout, source: 'words' };
  }
  return { grid: grids.find((g) => !isBlank(g)) ?? grids[0] ?? [], layout: null, source: null };
}

function displayText(cell: Cell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cellText(cell);
}

/** The first rows as text, all as wide as the widest (a role picker sits above each column). */
function shownRows(grid: Grid): string[][] {
  const rows = grid.slice(0, SHOWN_ROWS).map((row) => row.slice(0, SHOWN_COLUMNS).map(displayText));
  const width = rows.reduce((w, row) => {
    let last = row.length;
    while (last > 0 && row[last - 1] === '') last--;
    return Math.max(w, last);
  }, 0);
  return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** A mapping the file can use: a header row among the first 30 and at least a date and an amount column. */
function checkMapping(mapping: ColumnMapping): void {
  if (mapping.headerRow >= HEADER_SEARCH_ROWS) throw new DomainError('bank.mappingRow', { row: mapping.headerRow + 1 });
  if (!namesDateAndAmount(mapping.columns)) throw new DomainError('bank.mappingIncomplete');
}

/**
 * The bank statement reader (SPEC §10), one module from file to typed rows: the file's cells
 * (`readStatementSheets`), the header (the user's mapping, else a remembered one, else header
 * words), columns assigned to roles, every row read as a transaction, total, footer or rejected
 * row, and its rate decided per unit. Returns new rows; nothing given is changed.
 */
export async function readBankStatement(bytes: Uint8Array, file: string, options: ReadOptions): Promise<StatementRead> {
  const sheets = await readStatementSheets(bytes, file);
  // A streamed sheet is chosen by its first rows (all the choice looks at) and typed as it comes.
  const chosen = 'grids' in sheets ? chooseSheet(sheets.grids, options.remembered) : chooseSheet([sheets.stream.head], options.remembered);
  const stream = 'grids' in sheets ? null : sheets.stream;
  // A sheet left half-read (a mapping refused) lets go of its inflater at once, not at some GC.
  const read = await readSheet(chosen, stream, options).catch(async (error: unknown) => {
    await stream?.rest.return(undefined);
    throw error;
  });
  // The rows are the reader's own, new: their rates are decided on them, not on copies (a copy
  // of every row of a 200,000-row file is memory the import does not need; issue 8.6).
  if (read.layout) normalizeRates(read.outcomes, options.tableRate);
  return read;
}

/**
 * The chosen sheet's header and rows. From a grid, its rows are let go as they are read; from a
 * stream, `chosen.grid` is the sheet's first rows and the rest is read to its end — typed as it
 * comes when there is a layout, so the sheet's cells are never all held (issue 8.6).
 */
async function readSheet(chosen: Chosen, stream: StreamedSheet | null, options: ReadOptions): Promise<StatementRead> {
  let { layout, source } = chosen;
  if (options.mapping) {
    checkMapping(options.mapping);
    layout = layoutFromMapping(chosen.grid, options.mapping);
    source = 'user';
  }
  const sheet: StatementSheet = {
    rows: shownRows(chosen.grid),
    headerRow: layout?.headerRow ?? null,
    columns: layout?.columns ?? {},
    headerKey: layout ? headerKey(chosen.grid[layout.headerRow] ?? []) : null,
    source: layout ? source : null,
  };
  const headerCells = layout ? (chosen.grid[layout.headerRow] ?? []).map(displayText) : null;
  if (!stream) return { sheet, layout, outcomes: layout ? takeRows(chosen.grid, layout, { ownKey: options.ownKey }) : [], headerCells };
  const typer = layout ? rowTyper(layout, sheet.headerKey ?? '', { ownKey: options.ownKey }) : null;
  chosen.grid.forEach((cells, r) => typer?.push(r, cells));
  for await (const batch of stream.rest) if (typer) for (const [r, cells] of batch) typer.push(r, cells);
  return { sheet, layout, outcomes: typer ? typer.finish() : [], headerCells };
}
