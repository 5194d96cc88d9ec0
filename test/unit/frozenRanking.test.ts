import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import { appraiseQuarter, type AppraisalPerson, type AppraisalRow } from '../../shared/engine/appraisal';
import { forceGrades, type RankCandidate } from '../../shared/engine/forcedRanking';
import { distributionCaps } from '../../shared/engine/grades';
import { Dec, dec } from '../../shared/money';

/*
 * A quarter partly approved: approved people keep their grades and count towards the caps; only
 * the people still open can be forced down (the choice documented on `appraiseQuarter`).
 */

const rule = DEFAULT_SETTINGS.distribution;
const person = (id: string, total: string, grade: RankCandidate['grade']): RankCandidate => ({
  id,
  total: dec(total),
  settled: dec('0'),
  dealVolume: dec('0'),
  grade,
});

describe('forced ranking with approved (fixed) people', () => {
  const six = [
    person('P1', '90', 'A'),
    person('P2', '88', 'A'),
    person('P3', '80', 'B'),
    person('P4', '78', 'B'),
    person('P5', '70', 'C'),
    person('P6', '60', 'D'),
  ];
  const caps = distributionCaps(6, rule);

  it('without fixed people behaves as SPEC §5 says', () => {
    expect(Object.fromEntries(forceGrades(six, caps))).toEqual({ P1: 'A', P2: 'B', P3: 'B', P4: 'B', P5: 'C', P6: 'D' });
  });

  it('demotes an open person instead of an approved one ranked lower', () => {
    // P2 approved as A (say before P1's figures grew): the A cap is met by demoting P1, who is open.
    const forced = forceGrades(six, caps, new Set(['P2']));
    expect(forced.get('P2')).toBe('A');
    expect(forced.get('P1')).toBe('B');
  });

  it('stops when only approved people break a cap, changing none of them', () => {
    const forced = forceGrades(six, caps, new Set(['P1', 'P2']));
    expect([forced.get('P1'), forced.get('P2')]).toEqual(['A', 'A']);
    expect(forced.get('P3')).toBe('B');
  });
});

describe('appraiseQuarter with frozen rows', () => {
  const plan = { id: 'p', mode: 'progressive' as const, brackets: [{ upTo: null, rate: '0.01' }], newCustomerBonus: '0' };
  const live: AppraisalPerson = {
    id: 'S2',
    name: '乙',
    performanceBasePay: '1000',
    plan,
    indicators: [{ kpi: 'settled', weight: '100', target: '100' }],
    adjustments: [],
    facts: { dealVolume: new Dec(0), settled: new Dec(100), newCustomers: 0, errorWeight: 0, enteredDocumentSets: null, activeDeals: 0 },
  };
  const frozen: AppraisalRow = {
    salesperson: 'S1',
    name: '甲',
    dealVolume: '0.00',
    settled: '999.00',
    newCustomers: 0,
    errorRatePct: null,
    indicators: [],
    weightedScore: '99.00',
    adjustments: '0.00',
    total: '99.00',
    grade: 'S',
    forcedGrade: 'S',
    finalGrade: 'S',
    coefficient: '1.5',
    performancePay: '1234.56',
    rank: 1,
    commission: { base: '999.00', bracketAmount: '9.99', newCustomerBonus: '0.00', total: '9.99' },
  };

  it('keeps the frozen row as it is and counts it in the distribution', () => {
    const report = appraiseQuarter({
      quarter: '2026Q3',
      settings: { ...DEFAULT_SETTINGS, forcedRanking: true },
      people: [live],
      frozen: [frozen],
      unmatched: { count: 0, cny: new Dec(0) },
    });
    expect(report.appraised).toBe(2);
    expect(report.rows[0]).toEqual(frozen);
    expect(report.distribution.counts.S).toBe(1);
    expect(report.rows[1]).toMatchObject({ salesperson: 'S2', rank: 2 });
  });
});
