import { Dec, dec, type DecValue } from '../money';

/** An exact fraction. Error rates (1/3) and anchors (4/3) are scored unrounded (SPEC §4). */
export type Ratio = { num: Dec; den: Dec };

export function ratio(num: DecValue, den: DecValue = 1): Ratio {
  const d = new Dec(den);
  if (d.isZero()) throw new Error('ratio with zero denominator');
  return d.isNegative() ? { num: new Dec(num).neg(), den: d.neg() } : { num: new Dec(num), den: d };
}

/** "4/3" → 4/3, "1.5" → 3/2 (as 1.5/1). */
export function parseRatio(text: string): Ratio {
  const parts = text.split('/');
  if (parts.length === 1) return ratio(dec(text));
  if (parts.length === 2 && parts[0] && parts[1]) return ratio(dec(parts[0]), dec(parts[1]));
  throw new Error(`not a ratio: "${text}"`);
}

export function compareRatio(a: Ratio, b: Ratio): number {
  return a.num.times(b.den).comparedTo(b.num.times(a.den));
}

export function ratioToDec(r: Ratio): Dec {
  return r.num.div(r.den);
}
