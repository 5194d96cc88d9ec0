import type { CommissionPlan, Grade, Settings, TargetIndicator } from '../domain';
import { Dec, dec, fixed2 } from '../money';
import type { QuarterKey } from '../quarter';
import { computeCommission, type CommissionResult } from './commission';
import { forceGrades, rankOrder } from './forcedRanking';
import { bandGrade, coefficientOf, countGrades, distributionCaps, isCompliant, performancePay, type DistributionCaps, type GradeCounts } from './grades';
import { errorRatePct, evaluateIndicator, totalScore, weightedScore, type QuarterFacts } from './indicators';

/** One appraised salesperson: their target sheet, adjustments and the quarter's facts. */
export type AppraisalPerson = {
  id: string;
  name: string;
  performanceBasePay: string;
  plan: CommissionPlan;
  indicators: readonly TargetIndicator[];
  adjustments: readonly string[];
  facts: QuarterFacts;
  /** The approver's final total (总经理最终调整权), replacing the computed one. */
  overrideTotal?: string | null;
};

export type QuarterInput = {
  quarter: QuarterKey;
  settings: Settings;
  people: readonly AppraisalPerson[];
  unmatched: { count: number; cny: Dec };
  /**
   * Rows already approved (snapshots): kept exactly as approved, yet counted in the quarter's
   * distribution, caps and forced ranking, so the people still open are graded among everyone.
   */
  frozen?: readonly AppraisalRow[];
};

export type IndicatorRow = { kpi: string; name?: string; weight: string; actual: string | null; score: string | null };

/** A row of `appraise --json` (SPEC §9); money and scores as decimal text. */
export type AppraisalRow = {
  salesperson: string;
  name: string;
  dealVolume: string;
  settled: string;
  newCustomers: number;
  errorRatePct: string | null;
  indicators: IndicatorRow[];
  weightedScore: string;
  adjustments: string;
  total: string;
  grade: Grade;
  commission: CommissionResult;
  forcedGrade: Grade;
  finalGrade: Grade;
  coefficient: string;
  performancePay: string;
  rank: number;
};

export type AppraisalReport = {
  quarter: QuarterKey;
  appraised: number;
  distribution: { caps: DistributionCaps; counts: GradeCounts; compliant: boolean };
  unmatchedReceipts: { count: number; cny: string };
  rows: AppraisalRow[];
};

type Scored = Omit<AppraisalRow, 'forcedGrade' | 'finalGrade' | 'coefficient' | 'performancePay' | 'rank'> & {
  totalDec: Dec;
  person: AppraisalPerson;
};

/**
 * Computes a quarter (SPEC §4–§5): indicator scores, weighted totals, band grades, the
 * distribution check, forced ranking, performance pay and commission. Rows keep input order
 * (frozen rows first).
 */
export function appraiseQuarter(input: QuarterInput): AppraisalReport {
  const frozen = input.frozen ?? [];
  const scored = input.people.map((person) => scorePerson(person, input.settings));
  const counts = countGrades([...frozen.map((r) => r.grade), ...scored.map((s) => s.grade)]);
  const caps = distributionCaps(scored.length + frozen.length, input.settings.distribution);
  const candidates = [
    // An approved person holds the forced grade they were approved with; only open people move.
    ...frozen.map((r) => ({ id: r.salesperson, total: dec(r.total), settled: dec(r.settled), dealVolume: dec(r.dealVolume), grade: r.forcedGrade })),
    ...scored.map((s) => ({ id: s.salesperson, total: s.totalDec, settled: s.person.facts.settled, dealVolume: s.person.facts.dealVolume, grade: s.grade })),
  ];
  const forced = forceGrades(candidates, caps, new Set(frozen.map((r) => r.salesperson)));
  const rank = new Map(rankOrder(candidates).map((c, i) => [c.id, i + 1]));
  const live = scored.map(({ totalDec: _total, person, ...row }) => {
    const forcedGrade = forced.get(row.salesperson) ?? row.grade;
    const finalGrade = input.settings.forcedRanking ? forcedGrade : row.grade;
    const coefficient = coefficientOf(finalGrade, input.settings.gradeBands);
    const pay = performancePay(dec(person.performanceBasePay), coefficient);
    return { ...row, forcedGrade, finalGrade, coefficient: coefficient.toString(), performancePay: fixed2(pay), rank: rank.get(row.salesperson) ?? 0 };
  });
  const rows = [...frozen, ...live];
  return {
    quarter: input.quarter,
    appraised: rows.length,
    distribution: { caps, counts, compliant: isCompliant(counts, caps) },
    unmatchedReceipts: { count: input.unmatched.count, cny: fixed2(input.unmatched.cny) },
    rows,
  };
}

function scorePerson(person: AppraisalPerson, settings: Settings): Scored {
  const results = person.indicators.map((indicator) => evaluateIndicator(indicator, person.facts, settings.anchors));
  const weighted = weightedScore(results);
  const adjustments = person.adjustments.reduce((sum, points) => sum.plus(points), new Dec(0));
  const totalDec = person.overrideTotal ? dec(person.overrideTotal) : totalScore(weighted, adjustments);
  const base = settings.commissionBase === 'deal_volume' ? person.facts.dealVolume : person.facts.settled;
  return {
    salesperson: person.id,
    name: person.name,
    dealVolume: fixed2(person.facts.dealVolume),
    settled: fixed2(person.facts.settled),
    newCustomers: person.facts.newCustomers,
    errorRatePct: errorRatePct(person.facts),
    indicators: results.map((r) => ({
      kpi: r.kpi,
      ...(r.name ? { name: r.name } : {}),
      weight: r.weight.toString(),
      actual: r.actual,
      score: r.score === null ? null : fixed2(r.score),
    })),
    weightedScore: fixed2(weighted),
    adjustments: fixed2(adjustments),
    total: fixed2(totalDec),
    grade: bandGrade(totalDec, settings.gradeBands),
    commission: computeCommission(person.plan, base, person.facts.newCustomers),
    totalDec,
    person,
  };
}
