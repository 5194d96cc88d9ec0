import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import type { TargetIndicator } from '../../shared/domain';
import { appraiseYear, type AppraisedQuarter } from '../../shared/engine/annual';
import type { AppraisalRow } from '../../shared/engine/appraisal';
import { dec } from '../../shared/money';

function quarter(q: string, settledTarget: string, weights: [string, string], scores: [string, string | null]): AppraisedQuarter {
  const indicators: TargetIndicator[] = [
    { kpi: 'settled', weight: weights[0], target: settledTarget },
    { kpi: 'error_rate', weight: weights[1], target: '0.05' },
  ];
  const row = {
    indicators: [
      { kpi: 'settled', weight: weights[0], actual: '0', score: scores[0] },
      { kpi: 'error_rate', weight: weights[1], actual: null, score: scores[1] },
    ],
  } as unknown as AppraisalRow;
  return { quarter: q, indicators, row };
}

describe('annual evaluation (全年绩效评定)', () => {
  it('re-scores money on the year, averages the rest, and weights with Q4', () => {
    const report = appraiseYear(2026, DEFAULT_SETTINGS, [
      {
        id: 'S01',
        name: '江霞',
        performanceBasePay: '2000.00',
        annualBonusBase: '10000.00',
        quarters: [
          quarter('2026Q1', '100000', ['80', '20'], ['10', '100']),
          quarter('2026Q2', '100000', ['80', '20'], ['20', '80']),
          quarter('2026Q3', '100000', ['80', '20'], ['30', null]),
          quarter('2026Q4', '100000', ['60', '40'], ['40', '61']),
        ],
        year: { dealVolume: dec('0'), settled: dec('400000') },
        annualAdjustments: ['1.5'],
      },
    ]);
    const row = report.rows[0];
    // settled: 400,000 against 4 × 100,000 → 75; error rate: mean of 100, 80, 61 (Q3 not applicable) → 80.33
    expect(row?.indicators).toEqual([
      { kpi: 'settled', weight: '60', target: '400000.00', actual: '400000.00', score: '75.00' },
      { kpi: 'error_rate', weight: '40', target: null, actual: null, score: '80.33' },
    ]);
    // 60 × 75 + 40 × 80.33 = 77.13; + 1.5 = 78.63 → B
    expect(row).toMatchObject({ weightedScore: '77.13', adjustments: '1.50', total: '78.63', grade: 'B', coefficient: '1.1' });
    expect(row).toMatchObject({ nextQ1PerformancePay: '2200.00', annualBonus: '11000.00', quartersAppraised: ['2026Q1', '2026Q2', '2026Q3', '2026Q4'] });
  });
});
