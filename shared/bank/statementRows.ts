import type { MessageKey, MessageParams } from '../i18n/messages';
import type { RateDecision } from './rateDecision';
import { cellText, readAmount, readCurrency, readDate, readRate, type Cell } from './cellValues';
import { TOTAL_WORDS, directionOf, type Role } from './headerWords';
import type { Layout } from './statementLayout';

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

export type RowOutcome =
  | { kind: 'row'; value: BankRow }
  | { kind: 'skip'; row: number; reason: 'total' }
  | { kind: 'reject'; row: number; reason: MessageKey; params: MessageParams };

function first(cells: readonly Cell[], indexes: readonly number[] | undefined): Cell {
  for (const i of indexes ?? []) {
    const cell = cells[i] ?? null;
    if (cellText(cell) !== '') return cell;
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

/** Amount and direction from credit/debit columns, or a signed amount with a direction column. */
function money(cells: readonly Cell[], columns: Layout['columns']): Money {
  for (const [role, direction] of [['credit', 'in'], ['debit', 'out']] as const) {
    const read = readAmount(first(cells, columns[role]));
    if (read.kind === 'bad') return { problem: 'bank.amount', params: { value: read.text } };
    if (read.kind === 'value' && read.value !== 0) return { fen: direction === 'in' ? Math.abs(read.value) : -Math.abs(read.value), direction };
  }
  const read = readAmount(first(cells, columns.amount));
  if (read.kind === 'bad') return { problem: 'bank.amount', params: { value: read.text } };
  if (read.kind === 'empty' || read.value === 0) return null;
  const said = (columns.direction ?? []).map((i) => directionOf(cellText(cells[i] ?? null))).find((d) => d !== null) ?? null;
  const direction = said ?? (read.value < 0 ? 'out' : 'in');
  return { fen: direction === 'in' ? Math.abs(read.value) : -Math.abs(read.value), direction };
}

function isTotal(cells: readonly Cell[]): boolean {
  return cells.some((cell) => typeof cell === 'string' && TOTAL_WORDS.some((word) => cell.includes(word)));
}

/** Reads one data row; blank rows give null. Never throws. */
export function readRow(cells: readonly Cell[], rowNumber: number, layout: Layout): RowOutcome | null {
  if (cells.every((cell) => cellText(cell) === '')) return null;
  const { columns } = layout;
  const date = readDate(first(cells, columns.valueDate));
  const valueDate = date.kind === 'value' ? date : readDate(first(cells, columns.tradeDate));
  if (valueDate.kind !== 'value') {
    if (isTotal(cells)) return { kind: 'skip', row: rowNumber, reason: 'total' };
    return { kind: 'reject', row: rowNumber, reason: 'bank.date', params: { value: valueDate.kind === 'bad' ? valueDate.text : '' } };
  }
  const amount = money(cells, columns);
  if (amount === null) return isTotal(cells) ? { kind: 'skip', row: rowNumber, reason: 'total' } : { kind: 'reject', row: rowNumber, reason: 'bank.noAmount', params: {} };
  if ('problem' in amount) return { kind: 'reject', row: rowNumber, reason: amount.problem, params: amount.params };
  const currency = readCurrency(first(cells, columns.currency));
  if (currency.kind === 'bad') return { kind: 'reject', row: rowNumber, reason: 'bank.currency', params: { value: currency.text } };
  const rate = readRate(first(cells, columns.rate));
  const cny = readAmount(first(cells, columns.cnyAmount));
  const nameRoles: Role[] = amount.direction === 'in' ? ['payer', 'counterparty'] : ['payee', 'counterparty'];
  return {
    kind: 'row',
    value: {
      row: rowNumber,
      valueDate: valueDate.value,
      currency: currency.kind === 'value' ? currency.value : (layout.titleCurrency ?? 'CNY'),
      direction: amount.direction,
      amountFen: amount.fen,
      rate: rate.kind === 'value' ? rate.value : null,
      cnyFen: cny.kind === 'value' ? (amount.fen < 0 ? -Math.abs(cny.value) : Math.abs(cny.value)) : null,
      counterparty: cleanName(nameRoles.map((role) => cellText(first(cells, columns[role]))).find((t) => t !== '') ?? null),
      reference: cellText(first(cells, columns.reference)) || null,
      memo: texts(cells, columns.memo),
    },
  };
}
