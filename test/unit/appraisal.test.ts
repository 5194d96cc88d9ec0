import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import type { CommissionPlan, TargetIndicator } from '../../shared/domain';
import { appraiseQuarter, type AppraisalPerson } from '../../shared/engine/appraisal';
import { documentSets, errorRatePct, totalScore, weightedScore, type QuarterFacts } from '../../shared/engine/indicators';
import { targetSheetProblems } from '../../shared/engine/targetSheet';
import { dec } from '../../shared/money';

const facts = (over: Partial<QuarterFacts> = {}): QuarterFacts => ({
  dealVolume: dec('0'),
  settled: dec('0'),
  newCustomers: 0,
  errorWeight: 0,
  enteredDocumentSets: null,
  activeDeals: 0,
  ...over,
});
const plan: CommissionPlan = { id: 'std', mode: 'progressive', brackets: [{ upTo: null, rate: '0.01' }], newCustomerBonus: '500.00' };

function person(id: string, indicators: TargetIndicator[], f: QuarterFacts, adjustments: string[] = []): AppraisalPerson {
  return { id, name: id, performanceBasePay: '2000.00', plan, indicators, adjustments, facts: f };
}

describe('indicators', () => {
  it('counts document sets as entered, else as active deals', () => {
    expect(documentSets(facts({ enteredDocumentSets: 40, activeDeals: 3 }))).toBe(40);
    expect(documentSets(facts({ activeDeals: 8 }))).toBe(8);
    expect(errorRatePct(facts({ errorWeight: 2, activeDeals: 8 }))).toBe('25.00');
    expect(errorRatePct(facts({ errorWeight: 3, enteredDocumentSets: 27 }))).toBe('11.11');
    expect(errorRatePct(facts({ errorWeight: 1 }))).toBeNull();
  });

  it('rescales the weights when the error rate is not applicable', () => {
    // golden S06: (25×0 + 40×60.01 + 15×0 + 10×78) / 90 = 35.34
    const w = weightedScore([
      { kpi: 'deal_volume', weight: dec(25), actual: '0.00', score: dec('0') },
      { kpi: 'settled', weight: dec(40), actual: '', score: dec('60.01') },
      { kpi: 'new_customers', weight: dec(15), actual: '0', score: dec('0') },
      { kpi: 'error_rate', weight: dec(10), actual: null, score: null },
      { kpi: 'peer_review', weight: dec(10), actual: null, score: dec('78') },
    ]);
    expect(w.toFixed(2)).toBe('35.34');
  });

  it('adds adjustments and clamps the total to [0, 100]', () => {
    expect(totalScore(dec('98.5'), dec('3')).toString()).toBe('100');
    expect(totalScore(dec('2'), dec('-5')).toString()).toBe('0');
    expect(totalScore(dec('64.80'), dec('-3')).toFixed(2)).toBe('61.80');
  });
});

describe('target sheets', () => {
  const sheet = (weights: number[]): TargetIndicator[] =>
    weights.map((weight, i) => ({
      kpi: (['deal_volume', 'settled', 'new_customers', 'error_rate'] as const)[i] ?? 'deal_volume',
      weight: String(weight),
      target: '1',
    }));

  it('needs positive weights summing to exactly 100', () => {
    expect(targetSheetProblems(sheet([30, 40, 15, 15]))).toEqual([]);
    expect(targetSheetProblems(sheet([30, 40, 15, 5]))).toEqual([{ code: 'targets.weightSum', params: { sum: '90' } }]);
    expect(targetSheetProblems(sheet([30, 40, 30, 0])).map((p) => p.code)).toContain('targets.weightPositive');
  });

  it('needs a positive target for every scored indicator and a 0–100 peer score', () => {
    const problems = targetSheetProblems([
      { kpi: 'deal_volume', weight: '50', target: '0' },
      { kpi: 'peer_review', weight: '50', score: '120' },
    ]);
    expect(problems.map((p) => p.code)).toEqual(['targets.targetPositive', 'targets.peerScore']);
  });
});

describe('appraiseQuarter', () => {
  const indicators: TargetIndicator[] = [
    { kpi: 'deal_volume', weight: '50', target: '100000' },
    { kpi: 'settled', weight: '50', target: '100000' },
  ];

  it('grades, ranks and pays each person', () => {
    const report = appraiseQuarter({
      quarter: '2026Q3',
      settings: DEFAULT_SETTINGS,
      people: [
        person('B', indicators, facts({ dealVolume: dec('100000'), settled: dec('100000') })),
        person('A', indicators, facts({ dealVolume: dec('200000'), settled: dec('150000'), newCustomers: 2 }), ['-2']),
      ],
      unmatched: { count: 0, cny: dec(0) },
    });
    const [b, a] = report.rows;
    expect(b).toMatchObject({ total: '75.00', grade: 'B', coefficient: '1.1', performancePay: '2200.00', rank: 2 });
    expect(a).toMatchObject({ weightedScore: '100.00', adjustments: '-2.00', total: '98.00', grade: 'S', rank: 1 });
    expect(a?.commission).toEqual({ base: '150000.00', bracketAmount: '1500.00', newCustomerBonus: '1000.00', total: '2500.00' });
    // n = 2: caps S round(0.1) = 0, A round(0.3) = 0, S+A 0 → forced B; the final grade stays
    // the band grade unless forced ranking is on
    expect(a).toMatchObject({ forcedGrade: 'B', finalGrade: 'S', performancePay: '3000.00' });
  });

  it('applies the forced grade and its coefficient when forced ranking is on', () => {
    const report = appraiseQuarter({
      quarter: '2026Q3',
      settings: { ...DEFAULT_SETTINGS, forcedRanking: true },
      people: [person('A', indicators, facts({ dealVolume: dec('200000'), settled: dec('150000') }))],
      unmatched: { count: 1, cny: dec('10.005') },
    });
    // n = 1: every cap rounds to 0, so the S falls to B
    expect(report.rows[0]).toMatchObject({ grade: 'S', forcedGrade: 'B', finalGrade: 'B', coefficient: '1.1', performancePay: '2200.00' });
    expect(report.unmatchedReceipts).toEqual({ count: 1, cny: '10.01' });
  });

  it('takes the commission base from 成交额 when the company says so', () => {
    const report = appraiseQuarter({
      quarter: '2026Q3',
      settings: { ...DEFAULT_SETTINGS, commissionBase: 'deal_volume' },
      people: [person('A', indicators, facts({ dealVolume: dec('200000'), settled: dec('150000') }))],
      unmatched: { count: 0, cny: dec(0) },
    });
    expect(report.rows[0]?.commission.base).toBe('200000.00');
  });

  it("replaces the total with the approver's override", () => {
    const p = { ...person('A', indicators, facts()), overrideTotal: '86.00' };
    const report = appraiseQuarter({ quarter: '2026Q3', settings: DEFAULT_SETTINGS, people: [p], unmatched: { count: 0, cny: dec(0) } });
    expect(report.rows[0]).toMatchObject({ weightedScore: '0.00', total: '86.00', grade: 'A' });
  });
});

describe('target sheets typed half-way', () => {
  it('reports text that is not a number yet instead of failing', () => {
    const codes = targetSheetProblems([
      { kpi: 'settled', weight: '6o', target: '' },
      { kpi: 'deal_volume', weight: '40', target: 'abc' },
    ]).map((p) => p.code);
    expect(codes).toEqual(['targets.weightPositive', 'targets.targetPositive', 'targets.targetPositive', 'targets.weightSum']);
  });
});
