import type { MessageKey, MessageParams } from '../i18n/messages';
import type { RateDecision } from './rateDecision';
import { cellText, readAmount, readCurrency, readDate, readRate, type Cell } from './cellValues';
import { TOTAL_WORDS, directionOf, type Role } from './headerWords';
import { normalizePayerName } from '../matching/payerName';
import { headerKey, type Layout } from './statementLayout';

/** One transaction as the statement gives it, amounts signed (in positive, out negative). */
export type BankRow = {
  /** 1-based row number in the sheet, as the user sees it in Excel. */
  row: number;
  valueDate: string;
  currency: string;
  direction: 'in' | 'out';
  amountFen: number;
  /** The rate as written: per 1 or per 100 units, not yet decided. */
  rate: string | null;
  cnyFen: number | null;
  counterparty: string | null;
  reference: string | null;
  memo: string | null;
  /** Set by `normalizeRates`: per 1 or per 100, or undecided. */
  decision?: RateDecision;
};

/** Why a row that is no transaction is skipped: a total, a footer below the data, a repeated header. */
export type SkipReason = 'total' | 'footer' | 'header';

export type RowOutcome =
  | { kind: 'row'; value: BankRow }
  | { kind: 'skip'; row: number; reason: SkipReason }
  | { kind: 'reject'; row: number; reason: MessageKey; params: MessageParams };

/** The first cell of the columns that holds something: `-`, `--`, `---…` and blank are empty (SPEC §10). */
function first(cells: readonly Cell[], indexes: readonly number[] | undefined): Cell {
  for (const i of indexes ?? []) {
    const cell = cells[i] ?? null;
    const text = cellText(cell);
    if (text !== '' && !/^-+$/.test(text)) return cell;
  }
  return null;
}

function texts(cells: readonly Cell[], indexes: readonly number[] | undefined): string | null {
  const parts = (indexes ?? []).map((i) => cellText(cells[i] ?? null)).filter((t) => t !== '' && !/^-+$/.test(t));
  return parts.length ? parts.join(' ') : null;
}

/** A SWIFT field's line prefix ("1/EMERALD …") is not part of the name. */
function cleanName(name: string | null): string | null {
  return name ? name.replace(/^\d\//, '').trim() || null : null;
}

type Money = { fen: number; direction: 'in' | 'out' } | { problem: MessageKey; params: MessageParams } | null;

/**
 * How a file writes a signed amount beside a direction column: `signed` when its money out is
 * written negative (往账 -30), so the sign alone tells; otherwise amounts are unsigned and the
 * direction tells, and a negative figure reverses it (贷 -23,430.00 is money out).
 */
export type AmountStyle = { signed: boolean };

export function amountStyle(grid: readonly (readonly Cell[])[], layout: Layout): AmountStyle {
  const votes = styleVotes(layout);
  if (!votes) return { signed: true };
  for (let r = layout.dataRow; r < grid.length && !votes.decided(); r++) votes.add(grid[r] ?? []);
  return votes.style();
}

/**
 * The count behind `amountStyle`, row by row, so that rows can be read as they arrive: null
 * when the layout has no signed amount beside a direction column (the sign alone tells).
 */
function styleVotes(layout: Layout): { add: (cells: readonly Cell[]) => void; decided: () => boolean; style: () => AmountStyle } | null {
  const { amount, direction } = layout.columns;
  if (!amount || !direction) return null;
  let negative = 0;
  let positive = 0;
  return {
    add: (cells) => {
      const said = direction.map((i) => directionOf(cellText(cells[i] ?? null))).find((d) => d !== null);
      if (said !== 'out') return;
      const read = readAmount(first(cells, amount));
      if (read.kind !== 'value' || read.value === 0) return;
      if (read.value < 0) negative++;
      else positive++;
    },
    // A file keeps one convention: its first hundred rows of money out show it.
    decided: () => negative + positive >= 100,
    style: () => ({ signed: negative > positive }),
  };
}

const inOrOut = (fen: number): 'in' | 'out' => (fen > 0 ? 'in' : 'out');

/**
 * Amount and direction (SPEC §10): from credit/debit columns — a negative figure in the credit
 * column is money out (a reversal, 冲正), a negative one in the debit column money in; or from a
 * signed amount with a direction column (see `AmountStyle`). The sign is never dropped.
 */
function money(cells: readonly Cell[], columns: Layout['columns'], style: AmountStyle): Money {
  for (const [role, sign] of [
    ['credit', 1],
    ['debit', -1],
  ] as const) {
    const read = readAmount(first(cells, columns[role]));
    if (read.kind === 'bad') return { problem: 'bank.amount', params: { value: read.text } };
    if (read.kind === 'value' && read.value !== 0) return { fen: sign * read.value, direction: inOrOut(sign * read.value) };
  }
  const read = readAmount(first(cells, columns.amount));
  if (read.kind === 'bad') return { problem: 'bank.amount', params: { value: read.text } };
  if (read.kind === 'empty' || read.value === 0) return null;
  const said = (columns.direction ?? []).map((i) => directionOf(cellText(cells[i] ?? null))).find((d) => d !== null) ?? null;
  const fen = said === 'out' && !style.signed ? -read.value : read.value;
  return { fen, direction: inOrOut(fen) };
}

function isTotal(cells: readonly Cell[]): boolean {
  return cells.some((cell) => typeof cell === 'string' && TOTAL_WORDS.some((word) => cell.includes(word)));
}

export type RowOptions = {
  style?: AmountStyle;
  /** The company's own name key (`normalizePayerName`): the counterparty is the side that is not the company. */
  ownKey?: string;
};

// A statement repeats the same few names: each is normalised once.
const NAME_KEYS = new Map<string, string>();
function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    if (NAME_KEYS.size > 10_000) NAME_KEYS.clear();
    NAME_KEYS.set(name, (key = normalizePayerName(name)));
  }
  return key;
}

// Dates, rates, currencies and payers repeat row after row: one string each, not one per row (issue 8.6).
const SAME_TEXT = new Map<string, string>();
function same(text: string): string {
  const known = SAME_TEXT.get(text);
  if (known !== undefined) return known;
  if (SAME_TEXT.size > 10_000) SAME_TEXT.clear();
  SAME_TEXT.set(text, text);
  return text;
}

const sameName = (name: string | null) => (name === null ? null : same(name));

const NAME_ROLES: Record<'in' | 'out', readonly Role[]> = { in: ['payer', 'counterparty', 'payee'], out: ['payee', 'counterparty', 'payer'] };

/**
 * The counterparty by direction (SPEC §10): the payer for money in, the payee for money out, else
 * the counterparty column — the side that is not the company. With no other side, the company
 * itself (an own transfer).
 */
function counterpartyOf(cells: readonly Cell[], columns: Layout['columns'], direction: 'in' | 'out', ownKey: string | undefined): string | null {
  const names = NAME_ROLES[direction].map((role) => cleanName(cellText(first(cells, columns[role])) || null));
  const own = (name: string) => ownKey !== undefined && ownKey !== '' && nameKey(name) === ownKey;
  // The side opposite the direction only stands in when the others are the company.
  const other = names.find((name, i) => name !== null && !own(name) && (i < 2 || ownKey !== undefined));
  return other ?? names.slice(0, 2).find((name) => name !== null) ?? null;
}

/** Reads one data row; blank rows give null. Never throws. */
export function readRow(cells: readonly Cell[], rowNumber: number, layout: Layout, options: RowOptions = {}): RowOutcome | null {
  if (cells.every((cell) => cellText(cell) === '')) return null;
  const { columns } = layout;
  const date = readDate(first(cells, columns.valueDate));
  const valueDate = date.kind === 'value' ? date : readDate(first(cells, columns.tradeDate));
  if (valueDate.kind !== 'value') {
    if (isTotal(cells)) return { kind: 'skip', row: rowNumber, reason: 'total' };
    return { kind: 'reject', row: rowNumber, reason: 'bank.date', params: { value: valueDate.kind === 'bad' ? valueDate.text : '' } };
  }
  const amount = money(cells, columns, options.style ?? { signed: true });
  if (amount === null)
    return isTotal(cells) ? { kind: 'skip', row: rowNumber, reason: 'total' } : { kind: 'reject', row: rowNumber, reason: 'bank.noAmount', params: {} };
  if ('problem' in amount) return { kind: 'reject', row: rowNumber, reason: amount.problem, params: amount.params };
  const currency = readCurrency(first(cells, columns.currency));
  if (currency.kind === 'bad') return { kind: 'reject', row: rowNumber, reason: 'bank.currency', params: { value: currency.text } };
  const rate = readRate(first(cells, columns.rate));
  const cny = readAmount(first(cells, columns.cnyAmount));
  return {
    kind: 'row',
    value: {
      row: rowNumber,
      valueDate: same(valueDate.value),
      currency: currency.kind === 'value' ? same(currency.value) : (layout.titleCurrency ?? 'CNY'),
      direction: amount.direction,
      amountFen: amount.fen,
      rate: rate.kind === 'value' ? same(rate.value) : null,
      cnyFen: cny.kind === 'value' ? (amount.fen < 0 ? -Math.abs(cny.value) : Math.abs(cny.value)) : null,
      counterparty: sameName(counterpartyOf(cells, columns, amount.direction, options.ownKey)),
      reference: cellText(first(cells, columns.reference)) || null,
      memo: texts(cells, columns.memo),
    },
  };
}

/**
 * Every row below the header as what it is (SPEC §10): a transaction, a total, a repeated
 * header, or a row that cannot be read (rejected with its row number). Every row below the last
 * transaction is footer, whatever it says, and skipped — never rejected. Blank rows give nothing.
 */
export function readRows(grid: readonly (readonly Cell[])[], layout: Layout, options: Omit<RowOptions, 'style'> = {}): RowOutcome[] {
  return rowsOf(grid, layout, options, () => undefined);
}

const NO_CELLS: Cell[] = [];

/**
 * `readRows` over a grid that is the caller's to give up (the reader's own, just read from the
 * file): each data row is let go once read, so that a 200,000-row sheet and its rows' outcomes
 * are not both held whole (issue 8.6). The grid is left with empty data rows.
 */
export function takeRows(grid: Cell[][], layout: Layout, options: Omit<RowOptions, 'style'> = {}): RowOutcome[] {
  return rowsOf(grid, layout, options, (r) => {
    grid[r] = NO_CELLS;
  });
}

function rowsOf(grid: readonly (readonly Cell[])[], layout: Layout, options: Omit<RowOptions, 'style'>, done: (r: number) => void): RowOutcome[] {
  const typer = rowTyper(layout, headerKey(grid[layout.headerRow] ?? []), options);
  for (let r = layout.dataRow; r < grid.length; r++) {
    typer.push(r, grid[r] ?? NO_CELLS);
    done(r);
  }
  return typer.finish();
}

/** Reads rows as they arrive; `finish` gives every row's outcome. */
export type RowTyper = {
  /** The row at 0-based index `r` (rows before the layout's data row are ignored), in order. */
  push: (r: number, cells: readonly Cell[]) => void;
  finish: () => RowOutcome[];
};

/**
 * `readRows` for rows that arrive one at a time (a sheet read as a stream, issue 8.6): each row
 * is read when it comes and its cells are not kept — except, where a signed amount sits beside a
 * direction column, the rows before the file's sign convention shows (its first hundred rows of
 * money out), which are read once it does. `header` is the header row's `headerKey`.
 */
export function rowTyper(layout: Layout, header: string, options: Omit<RowOptions, 'style'> = {}): RowTyper {
  const outcomes: RowOutcome[] = [];
  let lastRow = -1;
  const votes = styleVotes(layout);
  let waiting: { r: number; cells: readonly Cell[] }[] | null = votes ? [] : null;
  let rowOptions: RowOptions = { ...options, style: { signed: true } };
  const take = (r: number, cells: readonly Cell[]) => {
    const outcome = readRow(cells, r + 1, layout, rowOptions);
    if (outcome === null) return;
    if (outcome.kind === 'reject' && header !== '' && headerKey(cells) === header) outcomes.push({ kind: 'skip', row: r + 1, reason: 'header' });
    else outcomes.push(outcome);
    if (outcome.kind === 'row') lastRow = outcomes.length - 1;
  };
  const release = () => {
    if (!waiting || !votes) return;
    rowOptions = { ...options, style: votes.style() };
    const held = waiting;
    waiting = null;
    for (const w of held) take(w.r, w.cells);
  };
  return {
    push: (r, cells) => {
      if (r < layout.dataRow) return;
      if (!waiting || !votes) return take(r, cells);
      if (cells.length === 0) return;
      votes.add(cells);
      waiting.push({ r, cells });
      if (votes.decided()) release();
    },
    finish: () => {
      release();
      // Every row below the last transaction is footer, whatever it says (SPEC §10).
      for (let i = lastRow < 0 ? outcomes.length : lastRow + 1; i < outcomes.length; i++) {
        const o = outcomes[i];
        if (o && o.kind !== 'row') outcomes[i] = { kind: 'skip', row: o.row, reason: 'footer' };
      }
      return outcomes;
    },
  };
}
