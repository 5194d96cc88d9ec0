import { Dec, isDecimalText } from '../shared/money';
import { normalizeNumberText } from '../shared/numberText';

/** 1234567.5 → "1,234,567.50": amounts always with thousands separators and two decimals. */
export function money(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${fraction.padEnd(2, '0').slice(0, 2)}`;
}

export function percent(value: string | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value}%`;
}

/** A commission rate as stored (0.015) → as people write it, in percent ("1.5"). */
export function rateToPercent(rate: string): string {
  return isDecimalText(rate) ? new Dec(rate).times(100).toString() : rate;
}

/**
 * A percent as typed ("1.5", "1.5%", "１．５") → the stored rate ("0.015"). Text that is not a
 * number is passed on as typed, for the API to refuse with its message.
 */
export function percentToRate(text: string): string {
  const plain = normalizeNumberText(text.replace(/[%％]\s*$/, ''));
  return isDecimalText(plain) ? new Dec(plain).div(100).toString() : text;
}

/** Today as YYYY-MM-DD in the user's own time zone. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A decimal as the user wrote it: "902.620000" → "902.62", "7.1000" → "7.1" (the stored text keeps every digit). */
export function plainDecimal(value: string): string {
  return isDecimalText(value) ? new Dec(value).toString() : value;
}
