import Decimal from 'decimal.js';

/**
 * Exact decimal arithmetic for money, rates and scores. Forty significant digits keep every
 * intermediate of a quarter's figures exact; rounding happens only where SPEC §2 says, half-up
 * (四舍五入, away from zero for negatives).
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;
export type DecValue = Decimal.Value;

/** A decimal number written as text, e.g. "2241000.00" or "0.05". */
export type DecimalString = string;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True when `text` is a plain decimal number (no exponent, no separators). */
export function isDecimalText(text: string): boolean {
  return DECIMAL_TEXT.test(text);
}

/** Parses a plain decimal; throws on anything else so a typo is never read as zero. */
export function dec(value: string | number | Decimal): Decimal {
  if (typeof value === 'string' && !isDecimalText(value.trim())) {
    throw new Error(`not a decimal number: "${value}"`);
  }
  return new Dec(typeof value === 'string' ? value.trim() : value);
}

/** Rounds half-up to `places` decimals (default 0.01). */
export function round2(value: Decimal, places = 2): Decimal {
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** Money and scores as text with exactly two decimals, the form every report uses. */
export function fixed2(value: Decimal): string {
  return round2(value).toFixed(2);
}

/** Number of decimal places written in a decimal text ("12.50" → 2). */
export function decimalPlaces(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Integer minor units (fen/cents): exact money in SQLite and in sums. */
export type Fen = number;

/** Micro-units: FX rates are stored as integer millionths of CNY per ONE foreign unit. */
export type Micro = number;

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Text → integer units with `places` decimals, by string arithmetic: a bulk load converts
 * millions of amounts, and this is exact and fast for anything below 9·10^15 units.
 */
function toUnits(text: string, places: number, what: string): number {
  const m = PLAIN.exec(text.trim());
  const [, sign, whole = '', fraction = ''] = m ?? [];
  if (!m || (whole === '' && fraction === '')) throw new Error(`not a decimal number: "${text}"`);
  const extra = fraction.slice(places);
  if (/[1-9]/.test(extra)) throw new Error(`more than ${what}: "${text}"`);
  const units = Number(whole || '0') * 10 ** places + Number(fraction.slice(0, places).padEnd(places, '0'));
  if (!Number.isSafeInteger(units)) throw new Error(`too large: "${text}"`);
  return sign === '-' && units !== 0 ? -units : units;
}

function fromUnits(units: number, places: number): string {
  const digits = String(Math.abs(units)).padStart(places + 1, '0');
  const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return units < 0 ? `-${text}` : text;
}

/** "1234.5" → 123450. Refuses more than two decimals: money is exact to the fen. */
export function toFen(text: string): Fen {
  return toUnits(text, 2, 'two decimals');
}

/** 123450 → "1234.50". */
export function fenToText(fen: Fen): string {
  return fromUnits(fen, 2);
}

export function toMicro(text: string): Micro {
  return toUnits(text, 6, 'six decimals');
}

/** 7126300 → "7.1263" (no trailing zeros). */
export function microToText(micro: Micro): string {
  return fromUnits(micro, 6).replace(/\.?0+$/, '');
}

/**
 * CNY value of a foreign amount at a per-unit rate, rounded to the fen (SPEC §2). The SQL in
 * `electron/db/quarterFacts.ts` computes the same per row; a test holds the two together.
 */
export function cnyFen(amountFen: Fen, rateMicro: Micro): Fen {
  return round2(new Dec(amountFen).times(rateMicro).div(1e8)).times(100).toNumber();
}

const TWO_DECIMALS = /^-?\d{1,13}\.\d\d$/;

/**
 * The exact sum of money texts. Texts with two decimals (every amount the app writes) are added
 * as integer fen — a quarter's 125,000 statement lines in milliseconds instead of one Decimal
 * addition each; any other text, or a sum that leaves the exact integers, is summed as decimals.
 */
export function sumMoney(texts: readonly string[]): Decimal {
  let fen = 0;
  for (const text of texts) {
    if (!TWO_DECIMALS.test(text)) return texts.reduce((sum, t) => sum.plus(t), new Dec(0));
    // "-12.34" → -1234: dropping the point of a two-decimal text is its value in fen.
    fen += Number(text.slice(0, -3) + text.slice(-2));
    if (!Number.isSafeInteger(fen)) return texts.reduce((sum, t) => sum.plus(t), new Dec(0));
  }
  return new Dec(fen).div(100);
}

/** Canonical text of a decimal: no trailing zeros, no "+" ("30.0" → "30"). */
export function canonical(text: string): string {
  return dec(text).toString();
}
