import type { ColumnMapping } from '../../shared/bank/statementLayout';
import type { Role } from '../../shared/bank/headerWords';
import { CliInputError } from './cliError';

/** The names `--columns` takes for each role (short ones for the common roles). */
const NAMES: Record<string, Role> = {
  date: 'valueDate',
  valuedate: 'valueDate',
  tradedate: 'tradeDate',
  currency: 'currency',
  amount: 'amount',
  credit: 'credit',
  debit: 'debit',
  direction: 'direction',
  rate: 'rate',
  cny: 'cnyAmount',
  cnyamount: 'cnyAmount',
  counterparty: 'counterparty',
  payer: 'payer',
  payee: 'payee',
  reference: 'reference',
  memo: 'memo',
};
const SHOWN_NAMES = 'date, tradeDate, currency, amount, credit, debit, direction, rate, cny, counterparty, payer, payee, reference, memo, header';

/** A column mapping before its header row is known: `header=N` is optional. */
export type ColumnsOption = { headerRow: number | null; columns: ColumnMapping['columns'] };

function bad(reason: string): CliInputError {
  return new CliInputError(`--columns 有误：${reason}`);
}

function position(part: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1000) throw bad(`“${part}”中的“${value}”应为从 1 开始的列号或行号`);
  return Number(value) - 1;
}

/**
 * Reads `--columns "date=1,credit=5,debit=4,payer=8[,header=3]"`: 1-based columns (and header
 * row) into a 0-based mapping. Any bad part is refused with a one-line message naming it.
 */
export function parseColumnsOption(text: string): ColumnsOption {
  const parts = text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw bad('没有指定任何列');
  const option: ColumnsOption = { headerRow: null, columns: {} };
  const taken = new Map<number, string>();
  for (const part of parts) {
    const m = /^([A-Za-z]+)\s*[=:：]\s*(.*)$/.exec(part);
    if (!m) throw bad(`“${part}”应写成 名称=列号，如 date=1`);
    const name = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (name === 'header') {
      if (option.headerRow !== null) throw bad(`“${part}”：header 指定了两次`);
      option.headerRow = position(part, value);
      continue;
    }
    const role = NAMES[name];
    if (!role) throw bad(`“${part}”中的“${m[1]}”不是可用的名称（可用：${SHOWN_NAMES}）`);
    if (option.columns[role] !== undefined) throw bad(`“${part}”：${m[1]} 指定了两次`);
    const column = position(part, value);
    const other = taken.get(column);
    if (other) throw bad(`“${part}”：第 ${column + 1} 列已经给了 ${other}`);
    taken.set(column, m[1] ?? '');
    option.columns[role] = column;
  }
  if (Object.keys(option.columns).length === 0) throw bad('只有 header，没有指定任何列');
  return option;
}
