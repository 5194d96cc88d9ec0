import { isIsoDate } from '../quarter';

/** A spreadsheet cell as the readers give it. */
export type Cell = string | number | boolean | Date | null;

/** Either a value, nothing (a blank or a dash), or why the text could not be read. */
export type Read<T> = { kind: 'value'; value: T } | { kind: 'empty' } | { kind: 'bad'; text: string };

const EMPTY = { kind: 'empty' } as const;
const bad = (cell: Cell): { kind: 'bad'; text: string } => ({ kind: 'bad', text: String(cell).trim().slice(0, 40) });

/** Two white-space characters in a row, or one that is not a plain space (\s covers no-break and full-width spaces). */
const UNTIDY = /\s\s|[^\S ]/;

/** Text of a cell with runs of tabs, no-break and full-width spaces made one space, and trimmed. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  const text = typeof cell === 'string' ? cell : String(cell);
  // Most cells have nothing to collapse: a statement's 100,000 rows then make no new strings here.
  return UNTIDY.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

const PLAIN_NUMBER = /^(\d+)(?:\.(\d+))?$/;

/**
 * An amount in fen (SPEC §10): numbers, or text with thousands separators, a leading +,
 * trailing tabs or spaces; (1,234.56) and -1234.56 are negative; -, --, --- and blank are
 * empty. Never throws: whatever a bank writes gets a value, nothing, or a reason.
 */
export function readAmount(cell: Cell): Read<number> {
  if (cell === null || cell === '') return EMPTY;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return bad(cell);
    const fen = Math.round(cell * 100);
    // A stored double such as 1234.5600000000002 is 1234.56; 1234.567 is not an amount.
    return Math.abs(cell * 100 - fen) < 1e-6 && Number.isSafeInteger(fen) ? { kind: 'value', value: fen } : bad(cell);
  }
  if (typeof cell !== 'string') return bad(cell);
  // Plain digits (most amounts in a CSV) need none of the clean-up below.
  let text = PLAIN_NUMBER.test(cell) ? cell : cellText(cell).replace(/[,，]/g, '').replace(/\s/g, '');
  if (text === '' || /^-+$/.test(text)) return EMPTY;
  let negative = false;
  if (/^\(.*\)$/.test(text)) [negative, text] = [true, text.slice(1, -1)];
  if (text.startsWith('-')) [negative, text] = [!negative, text.slice(1)];
  else if (text.startsWith('+')) text = text.slice(1);
  const m = PLAIN_NUMBER.exec(text);
  if (!m) return bad(cell);
  const fraction = m[2] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) return bad(cell);
  const fen = Number(m[1]) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return bad(cell);
  return { kind: 'value', value: negative && fen !== 0 ? -fen : fen };
}

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(year: number, month: number, day: number): string | null {
  const text = `${year}-${pad(month)}-${pad(day)}`;
  return isIsoDate(text) ? text : null;
}

/** Excel's day 0 is 1899-12-30 in the 1900 date system every bank export uses. */
function fromSerial(serial: number): string | null {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(?:[ T]?\d{2}:?\d{2}(?::?\d{2})?)?$/;

/**
 * A calendar date: an Excel serial, 2026-07-15, 2026/7/15, 20260715 (as text or as a number),
 * 2026年7月15日, each possibly followed by a time. Never throws.
 */
export function readDate(cell: Cell): Read<string> {
  if (cell === null || cell === '') return EMPTY;
  if (cell instanceof Date) {
    const value = Number.isNaN(cell.getTime()) ? null : ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
    return value ? { kind: 'value', value } : bad(cell);
  }
  if (typeof cell === 'number') {
    const value =
      cell >= 19000101 && cell <= 29991231 && Number.isInteger(cell) ? readDate(String(cell)) : cell > 0 && cell < 2958466 ? maybe(fromSerial(cell)) : null;
    return value && value.kind === 'value' ? value : bad(cell);
  }
  if (typeof cell !== 'string') return bad(cell);
  const text = cellText(cell);
  if (text === '' || /^-+$/.test(text)) return EMPTY;
  const m = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text);
  const value = m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return value ? { kind: 'value', value } : bad(cell);
}

function maybe(value: string | null): Read<string> | null {
  return value ? { kind: 'value', value } : null;
}

const CURRENCY_NAMES: Record<string, string> = {
  美元: 'USD',
  欧元: 'EUR',
  英镑: 'GBP',
  日元: 'JPY',
  港币: 'HKD',
  港元: 'HKD',
  人民币: 'CNY',
  人民币元: 'CNY',
  RMB: 'CNY',
  '840': 'USD',
  '978': 'EUR',
  '826': 'GBP',
  '392': 'JPY',
  '344': 'HKD',
  '156': 'CNY',
  '10': 'CNY',
  '21': 'HKD',
  '32': 'USD',
  '35': 'EUR',
  '01': 'CNY',
};

/** A currency as an ISO code: codes, Chinese names, ISO numeric and banks' two-digit codes. */
export function readCurrency(cell: Cell): Read<string> {
  const text = cellText(cell).toUpperCase().replace(/\s/g, '');
  if (text === '' || /^-+$/.test(text)) return EMPTY;
  const named = CURRENCY_NAMES[text] ?? CURRENCY_NAMES[text.replace(/^0+(?=\d)/, '')];
  if (named) return { kind: 'value', value: named };
  if (/^[A-Z]{3}$/.test(text)) return { kind: 'value', value: text };
  return bad(cell);
}

/** A rate as decimal text, as written (the import decides per 1 or per 100). Never throws. */
export function readRate(cell: Cell): Read<string> {
  if (cell === null || cell === '') return EMPTY;
  if (typeof cell === 'number') return Number.isFinite(cell) && cell > 0 ? { kind: 'value', value: String(cell) } : cell === 0 ? EMPTY : bad(cell);
  const text = cellText(cell)
    .replace(/[,，\s]/g, '')
    .replace(/^\+/, '');
  if (text === '' || /^-+$/.test(text) || /^0*\.?0*$/.test(text)) return EMPTY;
  return /^\d+(\.\d+)?$/.test(text) ? { kind: 'value', value: text } : bad(cell);
}
