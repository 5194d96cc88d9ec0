import type { AnchorSettings, Direction, KpiKey, ScoringLine, StandardKpi, TargetIndicator } from '../domain';
import { Dec, dec, fixed2, round2 } from '../money';
import { ratio, type Ratio } from './ratio';
import { scoreIndicator } from './scoring';

/** What the store knows about one salesperson in one quarter, already summed (SPEC §3). */
export type QuarterFacts = {
  /** Σ CNY of active deals signed in the quarter, each rounded to the fen. */
  dealVolume: Dec;
  /** Σ CNY of receipts attributed to the person with value date in the quarter. */
  settled: Dec;
  newCustomers: number;
  /** Σ weights of error records dated in the quarter. */
  errorWeight: number;
  /** Document sets entered for the quarter, if any. */
  enteredDocumentSets: number | null;
  activeDeals: number;
  /** Receivables at the quarter's end (SPEC §12), CNY; absent when no sheet of the quarter asks for them. */
  receivables?: ReceivableFacts;
};

/** A salesperson's receivable instalments at the quarter's end, CNY at the rate of its last month. */
export type ReceivableFacts = {
  /** Over instalments due by the quarter's end: outstanding counting only receipts before the quarter, and outstanding at its end. */
  collectible: Dec;
  stillOutstanding: Dec;
  /** Receivable outstanding at the quarter's end, and its overdue part. */
  outstanding: Dec;
  overdue: Dec;
};

export type IndicatorResult = {
  kpi: KpiKey;
  name?: string;
  weight: Dec;
  /** Report text: CNY for money, a count, a percent for the error rate, null where none. */
  actual: string | null;
  score: Dec | null;
};

const DIRECTION: Record<StandardKpi, Direction> = {
  deal_volume: 'higher',
  settled: 'higher',
  new_customers: 'higher',
  error_rate: 'lower',
  collection_rate: 'higher',
  overdue_rate: 'lower',
};

/** 回款率 = collected ÷ collectible, or null (不适用) when nothing was collectible. */
export function collectionRate(facts: QuarterFacts): Ratio | null {
  const r = facts.receivables;
  return !r || r.collectible.isZero() ? null : ratio(r.collectible.minus(r.stillOutstanding), r.collectible);
}

/** 逾期率 = overdue ÷ receivable outstanding, or null (不适用) when nothing receivable is outstanding. */
export function overdueRate(facts: QuarterFacts): Ratio | null {
  const r = facts.receivables;
  return !r || r.outstanding.isZero() ? null : ratio(r.overdue, r.outstanding);
}

/** A ratio as a percent with two decimals, as reports show rates. */
export function percentOf(rate: Ratio): string {
  return fixed2(rate.num.times(100).div(rate.den));
}

/** 制单套数: the number entered, else the number of active deals signed in the quarter. */
export function documentSets(facts: QuarterFacts): number {
  return facts.enteredDocumentSets ?? facts.activeDeals;
}

/** 差错率 as an exact ratio, or null (不适用) when no documents were handled. */
export function errorRate(facts: QuarterFacts): Ratio | null {
  const sets = documentSets(facts);
  return sets === 0 ? null : ratio(facts.errorWeight, sets);
}

/** The error rate as a percent with two decimals, as reports show it. */
export function errorRatePct(facts: QuarterFacts): string | null {
  const rate = errorRate(facts);
  return rate === null ? null : fixed2(rate.num.times(100).div(rate.den));
}

export function lineFor(kpi: StandardKpi | null, direction: Direction, anchors: AnchorSettings): ScoringLine {
  return (kpi && anchors.byKpi?.[kpi]) || anchors[direction];
}

/** Actual and score of one indicator of a target sheet. */
export function evaluateIndicator(indicator: TargetIndicator, facts: QuarterFacts, anchors: AnchorSettings): IndicatorResult {
  const base = { kpi: indicator.kpi, weight: dec(indicator.weight), ...(indicator.name ? { name: indicator.name } : {}) };
  switch (indicator.kpi) {
    case 'deal_volume':
    case 'settled': {
      const actual = indicator.kpi === 'deal_volume' ? facts.dealVolume : facts.settled;
      return { ...base, actual: fixed2(actual), score: score(indicator, ratio(actual), anchors) };
    }
    case 'new_customers':
      return { ...base, actual: String(facts.newCustomers), score: score(indicator, ratio(facts.newCustomers), anchors) };
    case 'error_rate': {
      const rate = errorRate(facts);
      if (rate === null) return { ...base, actual: null, score: null };
      return { ...base, actual: errorRatePct(facts), score: score(indicator, rate, anchors) };
    }
    case 'collection_rate':
    case 'overdue_rate': {
      // Scored unrounded and shown as a percent, like 差错率 (SPEC §12).
      const rate = indicator.kpi === 'collection_rate' ? collectionRate(facts) : overdueRate(facts);
      if (rate === null) return { ...base, actual: null, score: null };
      return { ...base, actual: percentOf(rate), score: score(indicator, rate, anchors) };
    }
    case 'peer_review':
      return { ...base, actual: null, score: round2(Dec.min(100, Dec.max(0, dec(indicator.score ?? '0')))) };
    case 'custom': {
      const actual = dec(indicator.actual ?? '0');
      return { ...base, actual: actual.toString(), score: score(indicator, ratio(actual), anchors) };
    }
  }
}

/**
 * The scoring line an indicator is scored on and which way it counts (SPEC §4): a standard
 * indicator's own line or its direction's, a custom one's by its direction. Null for peer review,
 * which is scored directly. The forms print this same line (`ruleText`), so what the sheet says
 * is what the engine does.
 */
export function indicatorLine(indicator: TargetIndicator, anchors: AnchorSettings): { line: ScoringLine; direction: Direction } | null {
  if (indicator.kpi === 'peer_review') return null;
  const kpi = indicator.kpi === 'custom' ? null : indicator.kpi;
  const direction = kpi ? DIRECTION[kpi] : (indicator.direction ?? 'higher');
  return { line: lineFor(kpi, direction, anchors), direction };
}

function score(indicator: TargetIndicator, actual: Ratio, anchors: AnchorSettings): Dec {
  const scoring = indicatorLine(indicator, anchors);
  if (!scoring) throw new Error('peer review is scored directly');
  return scoreIndicator(actual, dec(indicator.target ?? '0'), scoring.line);
}

/**
 * Weighted score (SPEC §4): Σ weight × score ÷ Σ weight over applicable indicators, from the
 * rounded indicator scores, rounded to 0.01. Not-applicable indicators drop out and the others
 * are rescaled.
 */
export function weightedScore(results: readonly IndicatorResult[]): Dec {
  let weights = new Dec(0);
  let sum = new Dec(0);
  for (const result of results) {
    if (result.score === null) continue;
    weights = weights.plus(result.weight);
    sum = sum.plus(result.weight.times(result.score));
  }
  return weights.isZero() ? new Dec(0) : round2(sum.div(weights));
}

/** Total = weighted + Σ adjustments, clamped to [0, 100]. */
export function totalScore(weighted: Dec, adjustments: Dec): Dec {
  return Dec.min(100, Dec.max(0, weighted.plus(adjustments)));
}
