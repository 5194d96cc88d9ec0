import { Dec, round2 } from '../money';

/** How a row's rate was understood (SPEC §10). */
export type RateDecision =
  { kind: 'none' } | { kind: 'rate'; perUnit: string; perUnitMicro: number; quotedPer: 1 | 100 } | { kind: 'undecided'; written: string };

export type RateEvidence = { amountFen: number; cnyFen: number | null; tableRate: string | null };

/** Candidates are the rate as written per 1 and per 100 units; the first that fits wins. */
function perUnit(written: string, per: 1 | 100): Dec {
  return round2(new Dec(written).div(per), 6);
}

function closeTo(candidate: Dec, expected: Dec, tolerance: string): boolean {
  return candidate.minus(expected).abs().lte(expected.times(tolerance));
}

/**
 * Decides whether a bank's rate is quoted per 1 or per 100 units (美元 712.34): against the
 * row's own CNY amount, else the month's table rate, else how the rest of the same file quotes.
 * A rate of 1 on a foreign-currency row means no rate; one that cannot be decided is left
 * undecided, never taken 100× wrong.
 */
export function decideRate(currency: string, written: string | null, evidence: RateEvidence, fileQuotesPer: 1 | 100 | null): RateDecision {
  if (currency === 'CNY' || written === null || new Dec(written).eq(1)) return { kind: 'none' };
  const per = quotedPer(written, evidence) ?? fileQuotesPer;
  if (per === null) return { kind: 'undecided', written };
  const rate = perUnit(written, per);
  return { kind: 'rate', perUnit: rate.toString(), perUnitMicro: rate.times(1e6).toNumber(), quotedPer: per };
}

/** 1 or 100 when the row's own evidence decides; null when it cannot. */
export function quotedPer(written: string, evidence: RateEvidence): 1 | 100 | null {
  const candidates = [1, 100] as const;
  if (evidence.cnyFen !== null && evidence.amountFen !== 0) {
    const expected = new Dec(evidence.cnyFen).div(evidence.amountFen).abs();
    return candidates.find((per) => closeTo(perUnit(written, per), expected, '0.02')) ?? null;
  }
  if (evidence.tableRate !== null) {
    const table = new Dec(evidence.tableRate);
    return candidates.find((per) => closeTo(perUnit(written, per), table, '0.2')) ?? null;
  }
  return null;
}
