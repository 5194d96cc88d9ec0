import { Dec, isDecimalText } from './money';

/*
 * Plausibility checks for hand-entered data (issue 10): each says when a value is probably a
 * slip, for a warning that never blocks the save. Pure, so the UI and tests share them.
 */

/** CNY per ONE unit is below this for every currency a Chinese exporter meets (KWD ≈ 23). */
const PER_UNIT_CEILING: Record<string, string> = { JPY: '1', KRW: '0.1', IDR: '0.01', VND: '0.01' };
const DEFAULT_CEILING = '30';

/**
 * A table rate that looks quoted per 100 units (712.34 for USD), with the per-unit rate it
 * probably means; null when the rate looks per unit or is not a number yet.
 */
export function looksPer100(currency: string, rate: string): { perUnit: string } | null {
  if (!isDecimalText(rate.trim()) || currency === 'CNY') return null;
  const value = new Dec(rate.trim());
  const ceiling = PER_UNIT_CEILING[currency.toUpperCase()] ?? DEFAULT_CEILING;
  return value.gte(ceiling) ? { perUnit: value.div(100).toString() } : null;
}

/** True when an ISO date lies after `today` (both YYYY-MM-DD). */
export function isFutureDate(date: unknown, today: string): boolean {
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > today;
}

/** Error weights are 1 (一般) or 2 (严重); anything else is allowed but unusual. */
export function unusualErrorWeight(weight: unknown): boolean {
  return typeof weight === 'number' && Number.isInteger(weight) && weight >= 1 && weight !== 1 && weight !== 2;
}
