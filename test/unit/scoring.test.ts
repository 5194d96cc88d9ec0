import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import type { ScoringLine } from '../../shared/domain';
import { ratio } from '../../shared/engine/ratio';
import { lineProblem, scoreIndicator } from '../../shared/engine/scoring';
import { dec } from '../../shared/money';

const higher = DEFAULT_SETTINGS.anchors.higher;
const lower = DEFAULT_SETTINGS.anchors.lower;
const score = (actual: string, target: string, line: ScoringLine = higher) => scoreIndicator(ratio(dec(actual)), dec(target), line).toFixed(2);

describe('higher-is-better scoring (达标75分)', () => {
  it('gives 75 at target, 100 at 4/3 of it, 0 at nothing', () => {
    expect(score('1000', '1000')).toBe('75.00');
    expect(score('1333.34', '1000')).toBe('100.00');
    expect(score('0', '1000')).toBe('0.00');
    expect(score('5000', '1000')).toBe('100.00');
  });

  it('is min(100, 75 × actual / T) with the default anchors', () => {
    // SPEC golden S01: 75 × 2913282.85 / 2241000 = 97.4994…
    expect(score('2913282.85', '2241000.00')).toBe('97.50');
    expect(score('1685132.02', '2106000.00')).toBe('60.01');
    expect(score('1', '3')).toBe('25.00');
  });

  it('rounds an exact half-cent up even on the 4/3 segment', () => {
    // 75 × 1500100 / 1500000 = 75.005 exactly: the segment T…4/3·T must not lose it
    expect(score('1500100', '1500000')).toBe('75.01');
  });

  it('clamps a negative actual (refunds above receipts) to 0', () => {
    expect(score('-100', '1000')).toBe('0.00');
  });
});

describe('lower-is-better scoring (差错率)', () => {
  const rate = (num: number, den: number, target: string) => scoreIndicator(ratio(num, den), dec(target), lower).toFixed(2);

  it('gives 100 at zero, 80 at the baseline, 0 at twice the baseline', () => {
    expect(rate(0, 10, '0.05')).toBe('100.00');
    expect(rate(2, 40, '0.05')).toBe('80.00');
    expect(rate(1, 10, '0.05')).toBe('0.00');
    expect(rate(1, 4, '0.05')).toBe('0.00');
  });

  it('scores the unrounded rate: 3/50 against 0.08 is 85', () => {
    expect(rate(3, 50, '0.08')).toBe('85.00');
  });

  it('scores 1/3 as 1/3, not as 33.33%', () => {
    // baseline 0.25: 1/3 lies between T and 2T: 80 − 80 × (1/3 − 1/4) / (1/4) = 53.333…
    expect(rate(1, 3, '0.25')).toBe('53.33');
  });
});

describe('configurable anchors', () => {
  it('follows a floor at half the target', () => {
    const line: ScoringLine = [
      { ratio: '0.5', score: '0' },
      { ratio: '1', score: '60' },
      { ratio: '1.5', score: '100' },
    ];
    expect(score('400', '1000', line)).toBe('0.00');
    expect(score('750', '1000', line)).toBe('30.00');
    expect(score('1250', '1000', line)).toBe('80.00');
  });

  it('rejects lines that are not monotone', () => {
    expect(lineProblem(higher, 'higher')).toBeNull();
    expect(lineProblem(lower, 'lower')).toBeNull();
    expect(
      lineProblem(
        [
          { ratio: '0', score: '50' },
          { ratio: '1', score: '40' },
        ],
        'higher',
      ),
    ).toMatch(/not fall/);
    expect(
      lineProblem(
        [
          { ratio: '1', score: '50' },
          { ratio: '1', score: '60' },
        ],
        'higher',
      ),
    ).toMatch(/increase/);
  });
});

describe('scoring properties', () => {
  const amount = fc.integer({ min: -1_000_000_000, max: 10_000_000_000 }).map((fen) => dec(fen).div(100));
  const target = fc.integer({ min: 1, max: 10_000_000_000 }).map((fen) => dec(fen).div(100));

  it('stays within [0, 100]', () => {
    fc.assert(
      fc.property(amount, target, fc.boolean(), (a, t, isLower) => {
        const s = scoreIndicator(ratio(a), t, isLower ? lower : higher);
        return s.gte(0) && s.lte(100);
      }),
    );
  });

  it('never falls when a higher-is-better actual rises', () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 1_000_000_000 }), target, (a, rise, t) => {
        const before = scoreIndicator(ratio(a), t, higher);
        const after = scoreIndicator(ratio(a.plus(dec(rise).div(100))), t, higher);
        return after.gte(before);
      }),
    );
  });

  it('never rises when a lower-is-better actual rises', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 1, max: 1000 }), (errors, more, sets) => {
        const before = scoreIndicator(ratio(errors, sets), dec('0.05'), lower);
        const after = scoreIndicator(ratio(errors + more, sets), dec('0.05'), lower);
        return after.lte(before);
      }),
    );
  });
});
