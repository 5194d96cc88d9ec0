import type { ScoringLine } from '../domain';
import { Dec, round2 } from '../money';
import { compareRatio, parseRatio, ratio, type Ratio } from './ratio';

const ZERO = new Dec(0);
const HUNDRED = new Dec(100);

/**
 * Score of one indicator (SPEC §4): piecewise linear through the anchors of `line`, flat
 * beyond the first and last anchor, clamped to [0, 100] and rounded half-up to 0.01.
 * `actual` is exact (an error rate of 1/3 stays 1/3); `target` must be positive.
 */
export function scoreIndicator(actual: Ratio, target: Dec, line: ScoringLine): Dec {
  if (!target.isPositive() || target.isZero()) throw new Error('target must be positive');
  const points = line.map((anchor) => ({ at: scaled(parseRatio(anchor.ratio), target), score: new Dec(anchor.score) }));
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('a scoring line needs anchors');
  let raw: Dec;
  if (compareRatio(actual, first.at) <= 0) raw = first.score;
  else if (compareRatio(actual, last.at) >= 0) raw = last.score;
  else raw = interpolate(actual, points);
  return round2(Dec.min(HUNDRED, Dec.max(ZERO, raw)));
}

type Point = { at: Ratio; score: Dec };

function scaled(r: Ratio, target: Dec): Ratio {
  return ratio(r.num.times(target), r.den);
}

/** One division at the end keeps the result exact wherever it is a finite decimal. */
function interpolate(actual: Ratio, points: Point[]): Dec {
  for (let i = 0; i + 1 < points.length; i++) {
    const lo = points[i] as Point;
    const hi = points[i + 1] as Point;
    if (compareRatio(actual, hi.at) > 0) continue;
    // (a − lo) / (hi − lo) with every term brought over common denominators.
    const num = actual.num.times(lo.at.den).minus(lo.at.num.times(actual.den)).times(hi.at.den);
    const den = hi.at.num.times(lo.at.den).minus(lo.at.num.times(hi.at.den)).times(actual.den);
    return lo.score.plus(hi.score.minus(lo.score).times(num).div(den));
  }
  return (points[points.length - 1] as Point).score;
}

/** Checks a line is usable: ratios strictly increasing from ≥ 0, scores in [0, 100] and monotone. */
export function lineProblem(line: ScoringLine, direction: 'higher' | 'lower'): string | null {
  if (line.length < 2) return 'needs at least two anchors';
  for (let i = 0; i < line.length; i++) {
    const anchor = line[i]!;
    const score = new Dec(anchor.score);
    if (score.lt(0) || score.gt(100)) return `anchor ${i + 1}: score outside 0–100`;
    if (parseRatio(anchor.ratio).num.isNegative()) return `anchor ${i + 1}: negative ratio`;
    if (i === 0) continue;
    const prev = line[i - 1]!;
    if (compareRatio(parseRatio(anchor.ratio), parseRatio(prev.ratio)) <= 0) return `anchor ${i + 1}: ratios must increase`;
    const rising = score.gte(prev.score);
    const falling = score.lte(prev.score);
    if (direction === 'higher' ? !rising : !falling) return `anchor ${i + 1}: score must ${direction === 'higher' ? 'not fall' : 'not rise'}`;
  }
  return null;
}
