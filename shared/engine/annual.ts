import type { Grade, Settings, TargetIndicator } from '../domain';
import { Dec, dec, fixed2, round2 } from '../money';
import type { QuarterKey } from '../quarter';
import type { AppraisalRow, IndicatorRow } from './appraisal';
import { bandGrade, coefficientOf, performancePay } from './grades';
import { lineFor, totalScore, weightedScore, type IndicatorResult } from './indicators';
import { ratio } from './ratio';
import { scoreIndicator } from './scoring';

export type AppraisedQuarter = { quarter: QuarterKey; indicators: readonly TargetIndicator[]; row: AppraisalRow };

export type AnnualPerson = {
  id: string;
  name: string;
  performanceBasePay: string;
  annualBonusBase: string | null;
  /** The quarters of the year in which the person was appraised, in order. */
  quarters: readonly AppraisedQuarter[];
  /** Full-year actuals of the financial indicators. */
  year: { dealVolume: Dec; settled: Dec };
  annualAdjustments: readonly string[];
};

export type AnnualIndicatorRow = IndicatorRow & { target: string | null };

export type AnnualRow = {
  salesperson: string;
  name: string;
  quartersAppraised: QuarterKey[];
  indicators: AnnualIndicatorRow[];
  weightedScore: string;
  adjustments: string;
  total: string;
  grade: Grade;
  coefficient: string;
  /** Next year's Q1 performance pay, governed by the annual grade (SPEC §5, §7). */
  nextQ1PerformancePay: string;
  annualBonus: string | null;
};

export type AnnualReport = { year: number; rows: AnnualRow[] };

const FINANCIAL = new Set(['deal_volume', 'settled']);

/**
 * 全年绩效评定 (SPEC §7): financial indicators re-scored on full-year actuals against the sum of
 * the quarterly targets, the others as the mean of their quarterly scores, weighted with the
 * last appraised quarter's weights (Q4's in a full year), plus annual adjustments.
 */
export function appraiseYear(year: number, settings: Settings, people: readonly AnnualPerson[]): AnnualReport {
  return { year, rows: people.filter((p) => p.quarters.length > 0).map((p) => annualRow(p, settings)) };
}

function annualRow(person: AnnualPerson, settings: Settings): AnnualRow {
  const last = person.quarters[person.quarters.length - 1] as AppraisedQuarter;
  const results = last.indicators.map((indicator) => annualIndicator(indicator, person, settings));
  const weighted = weightedScore(results);
  const adjustments = person.annualAdjustments.reduce((sum, points) => sum.plus(points), new Dec(0));
  const total = totalScore(weighted, adjustments);
  const grade = bandGrade(total, settings.gradeBands);
  const coefficient = coefficientOf(grade, settings.gradeBands);
  return {
    salesperson: person.id,
    name: person.name,
    quartersAppraised: person.quarters.map((q) => q.quarter),
    indicators: results.map((r) => ({
      kpi: r.kpi,
      ...(r.name ? { name: r.name } : {}),
      weight: r.weight.toString(),
      target: r.target,
      actual: r.actual,
      score: r.score === null ? null : fixed2(r.score),
    })),
    weightedScore: fixed2(weighted),
    adjustments: fixed2(adjustments),
    total: fixed2(total),
    grade,
    coefficient: coefficient.toString(),
    nextQ1PerformancePay: fixed2(performancePay(dec(person.performanceBasePay), coefficient)),
    annualBonus: person.annualBonusBase === null ? null : fixed2(performancePay(dec(person.annualBonusBase), coefficient)),
  };
}

type AnnualResult = IndicatorResult & { target: string | null };

function sameIndicator(a: TargetIndicator, b: TargetIndicator): boolean {
  return a.kpi === b.kpi && (a.kpi !== 'custom' || a.name === b.name);
}

function annualIndicator(indicator: TargetIndicator, person: AnnualPerson, settings: Settings): AnnualResult {
  const base = { kpi: indicator.kpi, weight: dec(indicator.weight), ...(indicator.name ? { name: indicator.name } : {}) };
  const quarterly = person.quarters.flatMap((q) => {
    const index = q.indicators.findIndex((i) => sameIndicator(i, indicator));
    return index < 0 ? [] : [{ indicator: q.indicators[index] as TargetIndicator, row: q.row.indicators[index] as IndicatorRow }];
  });
  if (FINANCIAL.has(indicator.kpi)) {
    const kpi = indicator.kpi as 'deal_volume' | 'settled';
    const target = quarterly.reduce((sum, q) => sum.plus(q.indicator.target ?? '0'), new Dec(0));
    const actual = kpi === 'deal_volume' ? person.year.dealVolume : person.year.settled;
    const score = target.isPositive() ? scoreIndicator(ratio(actual), target, lineFor(kpi, 'higher', settings.anchors)) : null;
    return { ...base, target: fixed2(target), actual: fixed2(actual), score };
  }
  const scores = quarterly.flatMap((q) => (q.row.score === null ? [] : [dec(q.row.score)]));
  const mean = scores.length === 0 ? null : round2(scores.reduce((s, x) => s.plus(x), new Dec(0)).div(scores.length));
  return { ...base, target: null, actual: null, score: mean };
}
