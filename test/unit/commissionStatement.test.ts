import { describe, expect, it } from 'vitest';
import type { CommissionPlan } from '../../shared/domain';
import { bracketSlices, buildCommissionStatement, type StatementLine } from '../../shared/engine/commissionStatement';
import { quarterPay, sumPay } from '../../shared/engine/quarterPay';
import { Dec } from '../../shared/money';

const spec: CommissionPlan = {
  id: 'p',
  mode: 'progressive',
  brackets: [
    { upTo: '300000', rate: '0.01' },
    { upTo: '1000000', rate: '0.015' },
    { upTo: null, rate: '0.02' },
  ],
  newCustomerBonus: '500.00',
};

const line = (id: string, cny: string): StatementLine => ({
  id,
  date: '2026-07-01',
  ref: id,
  counterparty: 'X',
  customer: 'C1',
  currency: 'CNY',
  amount: cny,
  rate: null,
  rateSource: 'cny',
  cny,
});

describe('bracket slices (SPEC §5 example: 300,000 @1%, 1,000,000 @1.5%, above @2%)', () => {
  it('progressive, base 1,200,000: 3,000 + 10,500 + 4,000', () => {
    expect(bracketSlices(spec, new Dec('1200000'))).toEqual([
      { from: '0.00', to: '300000.00', rate: '0.01', amount: '300000.00', commission: '3000.00' },
      { from: '300000.00', to: '1000000.00', rate: '0.015', amount: '700000.00', commission: '10500.00' },
      { from: '1000000.00', to: null, rate: '0.02', amount: '200000.00', commission: '4000.00' },
    ]);
  });

  it('whole, base 1,200,000: the whole base at 2% = 24,000 in one slice', () => {
    expect(bracketSlices({ ...spec, mode: 'whole' }, new Dec('1200000'))).toEqual([
      { from: '1000000.00', to: null, rate: '0.02', amount: '1200000.00', commission: '24000.00' },
    ]);
  });

  it('whole, a base equal to an upper bound falls in that bracket', () => {
    expect(bracketSlices({ ...spec, mode: 'whole' }, new Dec('300000'))).toEqual([
      { from: '0.00', to: '300000.00', rate: '0.01', amount: '300000.00', commission: '3000.00' },
    ]);
  });

  it('a base of 0 or below has no slices', () => {
    expect(bracketSlices(spec, new Dec('0'))).toEqual([]);
    expect(bracketSlices(spec, new Dec('-5'))).toEqual([]);
  });
});

describe('the commission statement', () => {
  it('sums its lines (refunds negative) into the base and names each new customer in the bonus', () => {
    const s = buildCommissionStatement({
      salesperson: 'S1',
      name: '甲',
      quarter: '2026Q3',
      base: 'settled',
      plan: spec,
      lines: [line('a', '1000000.00'), line('b', '230000.00'), line('c', '-30000.00')],
      excluded: [],
      newCustomers: [
        { customer: 'C1', name: 'ONE', date: '2026-07-01' },
        { customer: 'C2', name: 'TWO', date: '2026-08-01' },
      ],
    });
    expect(s.baseTotal).toBe('1200000.00');
    expect(s.commission).toEqual({ base: '1200000.00', bracketAmount: '17500.00', newCustomerBonus: '1000.00', total: '18500.00' });
    expect(s.rounding).toBe('0.00');
  });

  it('shows the rounding difference when slices rounded one by one miss the bracket amount rounded once', () => {
    // 100.50 × 1% = 1.005 → 1.01 and 0.50 × 1% = 0.005 → 0.01 shown, while 1.010 is rounded once to 1.01.
    const plan: CommissionPlan = {
      id: 'r',
      mode: 'progressive',
      brackets: [
        { upTo: '100.50', rate: '0.01' },
        { upTo: null, rate: '0.01' },
      ],
      newCustomerBonus: '0',
    };
    const s = buildCommissionStatement({
      salesperson: 'S1',
      name: '甲',
      quarter: '2026Q3',
      base: 'settled',
      plan,
      lines: [line('a', '101.00')],
      excluded: [],
      newCustomers: [],
    });
    expect(s.slices.map((x) => x.commission)).toEqual(['1.01', '0.01']);
    expect(s.commission.bracketAmount).toBe('1.01');
    expect(s.rounding).toBe('-0.01');
  });
});

describe('quarter pay', () => {
  it('is 3 × monthly base + performance pay + commission, and sums by column', () => {
    const a = quarterPay({ performancePay: '2600.00', commission: { base: '0', bracketAmount: '0', newCustomerBonus: '0', total: '35265.34' } }, '4500.50');
    expect(a).toEqual({ base3: '13501.50', performancePay: '2600.00', commission: '35265.34', total: '51366.84' });
    const b = quarterPay({ performancePay: '0.01', commission: { base: '0', bracketAmount: '0', newCustomerBonus: '0', total: '0.02' } }, '0');
    expect(sumPay([a, b])).toEqual({ base3: '13501.50', performancePay: '2600.01', commission: '35265.36', total: '51366.87' });
  });
});
