import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tkpi, writeJson } from '../helpers';

/*
 * 全年绩效评定 (SPEC §7) worked by hand over a whole year, through `tkpi annual --json`.
 * A CNY-only company, so every CNY value is its amount. Default settings: higher-is-better
 * scores 75 × actual/target capped at 100; error rate 0 → 100, T → 80, 2T → 0; bands S ≥ 95,
 * A ≥ 85, B ≥ 75, C ≥ 65, D below; coefficients 1.5 / 1.3 / 1.1 / 0.9 / 0.7.
 */

const Q = ['2026Q1', '2026Q2', '2026Q3', '2026Q4'] as const;
const MID = { '2026Q1': '02-15', '2026Q2': '05-15', '2026Q3': '08-15', '2026Q4': '11-15' } as const;
const on = (quarter: (typeof Q)[number]) => `2026-${MID[quarter]}`;

type Indicator = { kpi: string; weight: string; target?: string; score?: string };
const sheet = (salesperson: string, quarter: string, indicators: Indicator[]) => ({ salesperson, quarter, indicators });

function bundle() {
  let receiptNo = 0;
  const receipt = (customer: string, date: string, amount: string) => ({ ref: `R${++receiptNo}`, valueDate: date, currency: 'CNY', amount, customer });
  let dealNo = 0;
  const deal = (salesperson: string, date: string, amount: string) => ({ id: `D${++dealNo}`, salesperson, signedOn: date, currency: 'CNY', amount });
  return {
    format: 'trade-kpi-bundle',
    version: 1,
    company: { name: '年度样例贸易有限公司' },
    salespeople: [
      { id: 'S1', name: '张三', performanceBasePay: '3000', annualBonusBase: '10000' },
      { id: 'S2', name: '李四', performanceBasePay: '2000' },
      { id: 'S3', name: '王五', performanceBasePay: '2500', annualBonusBase: '5000' },
    ],
    customers: [
      { id: 'C1', name: 'ALPHA TRADING LTD', owner: 'S1' },
      { id: 'C2', name: 'BETA IMPORTS LLC', owner: 'S2' },
      { id: 'C30', name: 'GAMMA GMBH', owner: 'S3' },
      { id: 'C31', name: 'DELTA SA', owner: 'S3' },
      { id: 'C32', name: 'EPSILON BV', owner: 'S3' },
      { id: 'C33', name: 'ZETA SRL', owner: 'S3' },
    ],
    deals: [
      // S1: 90,000 + 110,000 + 100,000 + 60,000 = 360,000.
      deal('S1', on('2026Q1'), '90000'),
      deal('S1', on('2026Q2'), '110000'),
      deal('S1', on('2026Q3'), '100000'),
      deal('S1', on('2026Q4'), '60000'),
      // S3: 30,000 in Q1 (not appraised then, still full-year) + 40,000 + 50,000 + 60,000 = 180,000.
      deal('S3', on('2026Q1'), '30000'),
      deal('S3', on('2026Q2'), '40000'),
      deal('S3', on('2026Q3'), '50000'),
      deal('S3', on('2026Q4'), '60000'),
    ],
    receipts: [
      // S1: 80,000 + 120,000 + 150,000 + 200,000 = 550,000.
      receipt('C1', on('2026Q1'), '80000'),
      receipt('C1', on('2026Q2'), '120000'),
      receipt('C1', on('2026Q3'), '150000'),
      receipt('C1', on('2026Q4'), '200000'),
      // S2: 150,000 + 250,000 + 100,000 + 400,000 = 900,000.
      receipt('C2', on('2026Q1'), '150000'),
      receipt('C2', on('2026Q2'), '250000'),
      receipt('C2', on('2026Q3'), '100000'),
      receipt('C2', on('2026Q4'), '400000'),
      // S3: 20,000 (Q1) + 50,000 + 30,000 + 60,000 + 40,000 = 200,000; new customers (first
      // receipt): C30 in Q1, C31 in Q2, none in Q3, C32 and C33 in Q4.
      receipt('C30', on('2026Q1'), '20000'),
      receipt('C31', on('2026Q2'), '50000'),
      receipt('C31', on('2026Q3'), '30000'),
      receipt('C32', on('2026Q4'), '60000'),
      receipt('C33', on('2026Q4'), '40000'),
    ],
    // S2's error rate per quarter: 0/50, 1/50, 2/50, 1/100.
    errors: [
      { salesperson: 'S2', date: on('2026Q2') },
      { salesperson: 'S2', date: on('2026Q3') },
      { salesperson: 'S2', date: '2026-09-01' },
      { salesperson: 'S2', date: on('2026Q4') },
    ],
    documents: Q.map((quarter) => ({ salesperson: 'S2', quarter, count: quarter === '2026Q4' ? 100 : 50 })),
    targets: [
      // S1: settled targets 100,000 / 100,000 / 150,000 / 150,000; deals 100,000 each; peer review
      // 80, 85, 90, 95. Weights 50/30/20 in Q1–Q3, 60/20/20 in Q4.
      ...Q.map((quarter, k) =>
        sheet('S1', quarter, [
          { kpi: 'settled', weight: quarter === '2026Q4' ? '60' : '50', target: k < 2 ? '100000' : '150000' },
          { kpi: 'deal_volume', weight: quarter === '2026Q4' ? '20' : '30', target: '100000' },
          { kpi: 'peer_review', weight: '20', score: String(80 + 5 * k) },
        ]),
      ),
      // S2: settled target 200,000 a quarter; error-rate baseline 0.02. Weights 70/30, in Q4 50/50.
      ...Q.map((quarter) =>
        sheet('S2', quarter, [
          { kpi: 'settled', weight: quarter === '2026Q4' ? '50' : '70', target: '200000' },
          { kpi: 'error_rate', weight: quarter === '2026Q4' ? '50' : '30', target: '0.02' },
        ]),
      ),
      // S3 from Q2 only: deals and settled 50,000 / 50,000 / 100,000, one new customer a quarter.
      ...Q.slice(1).map((quarter) =>
        sheet('S3', quarter, [
          { kpi: 'deal_volume', weight: '40', target: quarter === '2026Q4' ? '100000' : '50000' },
          { kpi: 'settled', weight: '40', target: quarter === '2026Q4' ? '100000' : '50000' },
          { kpi: 'new_customers', weight: '20', target: '1' },
        ]),
      ),
    ],
    adjustments: [
      { salesperson: 'S1', year: 2026, points: '5', reason: '年度开拓南美市场' },
      { salesperson: 'S2', year: 2026, points: '-2', reason: '年度客户投诉' },
      // A quarter's adjustment belongs to its quarter only, never to the year.
      { salesperson: 'S1', quarter: '2026Q2', points: '10', reason: '季度专项奖励' },
    ],
  };
}

type AnnualJson = {
  year: number;
  rows: {
    salesperson: string;
    name: string;
    quartersAppraised: string[];
    indicators: { kpi: string; weight: string; target: string | null; actual: string | null; score: string | null }[];
    weightedScore: string;
    adjustments: string;
    total: string;
    grade: string;
    coefficient: string;
    nextQ1PerformancePay: string;
    annualBonus: string | null;
  }[];
};

function annualOf(): AnnualJson {
  const dir = tempDir();
  const db = path.join(dir, 'year.db');
  const load = tkpi('load', '--db', db, writeJson(path.join(dir, 'year.json'), bundle()));
  expect(load.status, `tkpi load: ${load.stderr}`).toBe(0);
  const annual = tkpi('annual', '--db', db, '--year', '2026', '--json');
  expect(annual.status, `tkpi annual: ${annual.stderr}`).toBe(0);
  return JSON.parse(annual.stdout) as AnnualJson;
}

describe('tkpi annual --year 2026 --json: a whole year worked by hand (SPEC §7)', () => {
  it('lists everyone appraised in the year with the quarters they were appraised in', () => {
    const report = annualOf();
    expect(report.year).toBe(2026);
    expect(report.rows.map((r) => `${r.salesperson} ${r.name} ${r.quartersAppraised.join(',')}`)).toEqual([
      'S1 张三 2026Q1,2026Q2,2026Q3,2026Q4',
      'S2 李四 2026Q1,2026Q2,2026Q3,2026Q4',
      'S3 王五 2026Q2,2026Q3,2026Q4',
    ]);
  });

  it('S1: financial indicators on full-year actuals against Σ quarterly targets, peer review averaged, Q4 weights, annual adjustment only', () => {
    const s1 = annualOf().rows.find((r) => r.salesperson === 'S1');
    expect(s1, 'S1 in the annual report').toBeDefined();
    // settled: target 100,000 + 100,000 + 150,000 + 150,000 = 500,000; actual 550,000; 75 × 1.1 = 82.50.
    // deal_volume: target 4 × 100,000 = 400,000; actual 360,000; 75 × 0.9 = 67.50.
    // peer_review: (80 + 85 + 90 + 95) / 4 = 87.50.
    expect(s1?.indicators).toEqual([
      { kpi: 'settled', weight: '60', target: '500000.00', actual: '550000.00', score: '82.50' },
      { kpi: 'deal_volume', weight: '20', target: '400000.00', actual: '360000.00', score: '67.50' },
      { kpi: 'peer_review', weight: '20', target: null, actual: null, score: '87.50' },
    ]);
    // Q4 weights 60/20/20: (60 × 82.5 + 20 × 67.5 + 20 × 87.5) / 100 = 80.50. Annual +5 (the Q2
    // +10 stays in Q2) → 85.50 → A, 1.3: next Q1 pay 3,000 × 1.3; bonus 10,000 × 1.3.
    expect(s1).toMatchObject({
      weightedScore: '80.50',
      adjustments: '5.00',
      total: '85.50',
      grade: 'A',
      coefficient: '1.3',
      nextQ1PerformancePay: '3900.00',
      annualBonus: '13000.00',
    });
  });

  it('S2: the error rate is the mean of its quarterly scores, not re-scored on the year; a negative annual adjustment moves the grade', () => {
    const s2 = annualOf().rows.find((r) => r.salesperson === 'S2');
    expect(s2, 'S2 in the annual report').toBeDefined();
    // settled: target 4 × 200,000 = 800,000; actual 900,000; 75 × 1.125 = 84.375 → 84.38 (half-up).
    // error_rate by quarter: 0 → 100, 0.02 → 80, 0.04 → 0, 0.01 → 90; mean 270 / 4 = 67.50
    // (the year's 4/250 = 0.016 would have scored 84).
    expect(s2?.indicators).toEqual([
      { kpi: 'settled', weight: '50', target: '800000.00', actual: '900000.00', score: '84.38' },
      { kpi: 'error_rate', weight: '50', target: null, actual: null, score: '67.50' },
    ]);
    // Q4 weights 50/50: (50 × 84.38 + 50 × 67.5) / 100 = 75.94 (B); −2 → 73.94 → C, 0.9; pay 2,000 × 0.9; no bonus base.
    expect(s2).toMatchObject({
      weightedScore: '75.94',
      adjustments: '-2.00',
      total: '73.94',
      grade: 'C',
      coefficient: '0.9',
      nextQ1PerformancePay: '1800.00',
      annualBonus: null,
    });
  });

  it('S3, appraised from Q2: targets summed over the quarters appraised, actuals over the whole year, new customers averaged', () => {
    const s3 = annualOf().rows.find((r) => r.salesperson === 'S3');
    expect(s3, 'S3 in the annual report').toBeDefined();
    // deal_volume: target 50,000 + 50,000 + 100,000 = 200,000; actual with Q1's 30,000 = 180,000; 75 × 0.9 = 67.50.
    // settled: target 200,000; actual 20,000 + 50,000 + 30,000 + 60,000 + 40,000 = 200,000 → 75.00.
    // new_customers (target 1): Q2 1 → 75, Q3 0 → 0, Q4 2 → 150 capped 100; mean 175 / 3 = 58.33.
    expect(s3?.indicators).toEqual([
      { kpi: 'deal_volume', weight: '40', target: '200000.00', actual: '180000.00', score: '67.50' },
      { kpi: 'settled', weight: '40', target: '200000.00', actual: '200000.00', score: '75.00' },
      { kpi: 'new_customers', weight: '20', target: null, actual: null, score: '58.33' },
    ]);
    // (40 × 67.5 + 40 × 75 + 20 × 58.33) / 100 = 68.666 → 68.67 → C, 0.9: pay 2,500 × 0.9; bonus 5,000 × 0.9.
    expect(s3).toMatchObject({
      weightedScore: '68.67',
      adjustments: '0.00',
      total: '68.67',
      grade: 'C',
      coefficient: '0.9',
      nextQ1PerformancePay: '2250.00',
      annualBonus: '4500.00',
    });
  });
});
