import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import type { Grade } from '../../shared/domain';
import { forceGrades, rankOrder, type RankCandidate } from '../../shared/engine/forcedRanking';
import { bandGrade, coefficientOf, countGrades, distributionCaps, isCompliant, performancePay } from '../../shared/engine/grades';
import { dec } from '../../shared/money';

const bands = DEFAULT_SETTINGS.gradeBands;
const rule = DEFAULT_SETTINGS.distribution;

describe('grade bands', () => {
  it('uses inclusive lower bounds', () => {
    expect(bandGrade(dec('95'), bands)).toBe('S');
    expect(bandGrade(dec('94.99'), bands)).toBe('A');
    expect(bandGrade(dec('85'), bands)).toBe('A');
    expect(bandGrade(dec('75'), bands)).toBe('B');
    expect(bandGrade(dec('65'), bands)).toBe('C');
    expect(bandGrade(dec('64.99'), bands)).toBe('D');
    expect(bandGrade(dec('0'), bands)).toBe('D');
  });

  it('has no coefficient of 1.0 and pays base × coefficient', () => {
    expect((['S', 'A', 'B', 'C', 'D'] as Grade[]).map((g) => coefficientOf(g, bands).toString())).toEqual(['1.5', '1.3', '1.1', '0.9', '0.7']);
    expect(performancePay(dec('2500.00'), dec('1.3')).toFixed(2)).toBe('3250.00');
    expect(performancePay(dec('3333.33'), dec('0.7')).toFixed(2)).toBe('2333.33');
  });
});

describe('distribution rule', () => {
  it('rounds caps half-up: n = 6 → S 0, A 1, S+A 1, C+D 2', () => {
    expect(distributionCaps(6, rule)).toEqual({ S: 0, A: 1, SA: 1, CD: 2 });
    expect(distributionCaps(10, rule)).toEqual({ S: 1, A: 2, SA: 2, CD: 3 });
    expect(distributionCaps(0, rule)).toEqual({ S: 0, A: 0, SA: 0, CD: 0 });
  });

  it('flags a breach without blocking', () => {
    const caps = distributionCaps(6, rule);
    expect(isCompliant(countGrades(['A', 'A', 'C', 'D', 'D', 'D']), caps)).toBe(false);
    expect(isCompliant(countGrades(['A', 'B', 'B', 'B', 'C', 'D']), caps)).toBe(true);
    expect(isCompliant(countGrades(['A', 'B', 'B', 'B', 'B', 'D']), caps)).toBe(false);
  });
});

const person = (id: string, total: string, grade: Grade, settled = '0', dealVolume = '0'): RankCandidate => ({
  id,
  total: dec(total),
  settled: dec(settled),
  dealVolume: dec(dealVolume),
  grade,
});

describe('forced ranking (强制排序)', () => {
  it('orders by total, then 结汇额, then 成交额, then id', () => {
    const order = rankOrder([
      person('S3', '80', 'B', '100', '5'),
      person('S1', '80', 'B', '100', '5'),
      person('S2', '80', 'B', '200', '1'),
      person('S4', '80', 'B', '100', '9'),
      person('S5', '90', 'A'),
    ]).map((p) => p.id);
    expect(order).toEqual(['S5', 'S2', 'S4', 'S1', 'S3']);
  });

  it('demotes the lowest-ranked A when A is over its cap (golden case)', () => {
    const forced = forceGrades(
      [
        person('S01', '91.50', 'A'),
        person('S02', '88.36', 'A'),
        person('S03', '70.06', 'C'),
        person('S04', '61.8', 'D'),
        person('S05', '48.83', 'D'),
        person('S06', '35.34', 'D'),
      ],
      distributionCaps(6, rule),
    );
    expect([...forced.values()]).toEqual(['A', 'B', 'C', 'D', 'D', 'D']);
  });

  it('turns S beyond the cap into A, then As beyond the cap into B', () => {
    const people = [person('a', '99', 'S'), person('b', '98', 'S'), person('c', '97', 'S'), person('d', '80', 'B'), person('e', '70', 'C')];
    // n = 5: S cap 0, A cap 1, S+A cap 1, C+D floor 2
    const forced = forceGrades(people, distributionCaps(5, rule));
    // S → A for all three, then the two lowest As → B, then the lowest B → C for the C+D floor
    expect(Object.fromEntries(forced)).toEqual({ a: 'A', b: 'B', c: 'B', d: 'C', e: 'C' });
  });

  it('lowers the lowest-ranked B until C+D reaches its floor, and stops when no B is left', () => {
    const people = Array.from({ length: 10 }, (_, i) => person(`p${i}`, String(84 - i), 'B'));
    const forced = forceGrades(people, distributionCaps(10, rule));
    expect(countGrades([...forced.values()])).toEqual({ S: 0, A: 0, B: 7, C: 3, D: 0 });
    expect(forced.get('p9')).toBe('C');
    expect(forced.get('p6')).toBe('B');
    const allA = forceGrades([person('x', '90', 'A'), person('y', '89', 'A')], { S: 0, A: 0, SA: 0, CD: 5 });
    expect(Object.fromEntries(allA)).toEqual({ x: 'C', y: 'C' });
  });
});
