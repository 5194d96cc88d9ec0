import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bracket, CommissionPlan } from '../../shared/domain';
import { computeCommission, progressiveAmount, wholeAmount } from '../../shared/engine/commission';
import { dec } from '../../shared/money';

const brackets: Bracket[] = [
  { upTo: '300000', rate: '0.01' },
  { upTo: '1000000', rate: '0.015' },
  { upTo: null, rate: '0.02' },
];
const plan = (mode: CommissionPlan['mode']): CommissionPlan => ({ id: 'p', mode, brackets, newCustomerBonus: '500.00' });

describe('commission (提成)', () => {
  it("matches SPEC's example: base 1,200,000", () => {
    expect(progressiveAmount(brackets, dec('1200000')).toFixed(2)).toBe('17500.00');
    expect(wholeAmount(brackets, dec('1200000')).toFixed(2)).toBe('24000.00');
  });

  it('puts a base equal to an upper bound in that bracket (全额累进)', () => {
    expect(wholeAmount(brackets, dec('300000')).toFixed(2)).toBe('3000.00');
    expect(wholeAmount(brackets, dec('300000.01')).toString()).toBe('4500.00015');
  });

  it('pays nothing on a base of zero or below', () => {
    expect(computeCommission(plan('progressive'), dec('-5000'), 0).total).toBe('0.00');
    expect(computeCommission(plan('whole'), dec('0'), 0).total).toBe('0.00');
  });

  it('adds the new-customer bonus and rounds each part to the fen', () => {
    // golden S01, senior plan: 500,000 @1.2% + 1,581,407.69 @1.8% = 34,465.338… → 34,465.34
    const senior: CommissionPlan = {
      id: 'senior',
      mode: 'progressive',
      brackets: [
        { upTo: '500000', rate: '0.012' },
        { upTo: null, rate: '0.018' },
      ],
      newCustomerBonus: '800.00',
    };
    expect(computeCommission(senior, dec('2081407.69'), 1)).toEqual({
      base: '2081407.69',
      bracketAmount: '34465.34',
      newCustomerBonus: '800.00',
      total: '35265.34',
    });
    expect(computeCommission(plan('progressive'), dec('100'), 3).newCustomerBonus).toBe('1500.00');
  });

  it('is continuous at every bracket bound (超额累进)', () => {
    const bounds = brackets.flatMap((b) => (b.upTo === null ? [] : [dec(b.upTo)]));
    fc.assert(
      fc.property(fc.constantFrom(...bounds), fc.integer({ min: 1, max: 100 }), (bound, fen) => {
        const step = dec(fen).div(100);
        const below = progressiveAmount(brackets, bound.minus(step));
        const at = progressiveAmount(brackets, bound);
        const above = progressiveAmount(brackets, bound.plus(step));
        // A step of one fen changes the amount by at most one fen × the top rate.
        const limit = step.times('0.02');
        return at.minus(below).abs().lte(limit) && above.minus(at).abs().lte(limit);
      }),
    );
  });

  it('never falls when the base rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000_000 }), fc.integer({ min: 0, max: 50_000_000 }), (fen, rise) => {
        const base = dec(fen).div(100);
        return progressiveAmount(brackets, base.plus(dec(rise).div(100))).gte(progressiveAmount(brackets, base));
      }),
    );
  });
});
