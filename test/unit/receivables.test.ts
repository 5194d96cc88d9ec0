import { describe, expect, it } from 'vitest';
import type { PaymentTerms } from '../../shared/domain';
import { evaluateIndicator, type QuarterFacts } from '../../shared/engine/indicators';
import { DEFAULT_SETTINGS } from '../../shared/defaults';
import { Dec } from '../../shared/money';
import { bucketOf, daysOverdue } from '../../shared/receivables/ageing';
import { allocate, receiptShares, settledDates, type AllocationGroup } from '../../shared/receivables/allocation';
import { exposureFen, isOverLimit, suggestGrade, type GradeEvidence } from '../../shared/receivables/credit';
import { addDays, daysBetween } from '../../shared/receivables/dates';
import { customerLedger } from '../../shared/receivables/ledger';
import { fenToCny } from '../../shared/receivables/report';
import { instalmentsAsOf, type ReceivableDeal, type TermsSettings } from '../../shared/receivables/schedule';
import { instalmentsOf, percentOfFen, roundDiv, termsProblems } from '../../shared/receivables/terms';

const TT30_70: PaymentTerms = {
  id: 'TT',
  name: '30/70',
  instalments: [
    { percent: '30', from: 'signed', days: 0 },
    { percent: '70', from: 'shipped', days: 0 },
  ],
};
const THIRDS: PaymentTerms = {
  id: 'T3',
  name: '33.3/33.3/33.4',
  instalments: [
    { percent: '33.3', from: 'signed', days: 0 },
    { percent: '33.3', from: 'shipped', days: 0 },
    { percent: '33.4', from: 'shipped', days: 45 },
  ],
};
const OA60: PaymentTerms = { id: 'OA60', name: 'O/A 60', instalments: [{ percent: '100', from: 'shipped', days: 60 }] };

function deal(over: Partial<ReceivableDeal> = {}): ReceivableDeal {
  return {
    id: 'D1',
    salesperson: 'S1',
    customer: 'C1',
    signedOn: '2026-07-01',
    currency: 'USD',
    amountFen: 100_000_00,
    active: true,
    terms: null,
    shippedOn: null,
    openingBalanceFen: null,
    openingDue: null,
    ...over,
  };
}
const settings = (over: Partial<TermsSettings> = {}): TermsSettings => ({
  termsById: new Map([TT30_70, THIRDS, OA60].map((t) => [t.id, t])),
  defaultTerms: 'TT',
  receivablesFrom: null,
  ...over,
});

describe('instalments of payment terms', () => {
  it('rounds each but the last half-up and lets the last absorb the rest', () => {
    expect(instalmentsOf({ amount: '1000.01', signedOn: '2026-07-01', shippedOn: '2026-07-20' }, THIRDS)).toEqual([
      { number: 1, percent: '33.3', from: 'signed', days: 0, amount: '333.00', dueDate: '2026-07-01' },
      { number: 2, percent: '33.3', from: 'shipped', days: 0, amount: '333.00', dueDate: '2026-07-20' },
      { number: 3, percent: '33.4', from: 'shipped', days: 45, amount: '334.01', dueDate: '2026-09-03' },
    ]);
    // 0.05 × 50% = 0.025 → 0.03 half-up; the last takes 0.02.
    const half: PaymentTerms = {
      id: 'H',
      name: 'h',
      instalments: [
        { percent: '50', from: 'signed', days: 0 },
        { percent: '50', from: 'signed', days: 30 },
      ],
    };
    expect(instalmentsOf({ amount: '0.05', signedOn: '2026-01-31' }, half).map((i) => [i.amount, i.dueDate])).toEqual([
      ['0.03', '2026-01-31'],
      ['0.02', '2026-03-02'],
    ]);
  });

  it('drops an instalment of 0.00 and keeps the numbers of the others', () => {
    expect(instalmentsOf({ amount: '0.01', signedOn: '2026-07-01' }, TT30_70).map((i) => [i.number, i.amount, i.dueDate])).toEqual([[2, '0.01', null]]);
  });

  it('rounds half-up away from zero, negatives included', () => {
    expect(roundDiv(25, 10)).toBe(3);
    expect(roundDiv(-25, 10)).toBe(-3);
    expect(roundDiv(-24, 10)).toBe(-2);
    expect(percentOfFen(-5, '50')).toBe(-3);
    expect(percentOfFen(12345, '33.3')).toBe(4111);
  });

  it('says what is wrong with terms whose percents do not sum to 100', () => {
    expect(termsProblems({ instalments: [{ percent: '30' }, { percent: '60' }] })).toEqual([{ code: 'terms.percentSum', params: { sum: '90' } }]);
    expect(termsProblems(THIRDS)).toEqual([]);
    expect(termsProblems({ instalments: [] })[0]?.code).toBe('terms.noInstalments');
  });

  it('takes the deal terms, else the customer terms, else the default, else none', () => {
    expect(instalmentsAsOf(deal({ terms: 'OA60' }), 'T3', settings(), '2026-09-30')).toHaveLength(1);
    expect(instalmentsAsOf(deal(), 'T3', settings(), '2026-09-30')).toHaveLength(3);
    expect(instalmentsAsOf(deal(), null, settings(), '2026-09-30')).toHaveLength(2);
    expect(instalmentsAsOf(deal(), null, settings({ defaultTerms: null }), '2026-09-30')).toEqual([]);
  });
});

describe('receivable and backlog as of a date', () => {
  it('has no due date for an instalment from shipment before the deal ships, and is backlog until then', () => {
    const d = deal({ shippedOn: '2026-08-10' });
    expect(instalmentsAsOf(d, null, settings(), '2026-08-09')).toEqual([
      { number: 1, amountFen: 30_000_00, dueDate: '2026-07-01', receivable: false, fromSigned: true },
      { number: 2, amountFen: 70_000_00, dueDate: null, receivable: false, fromSigned: false },
    ]);
    expect(instalmentsAsOf(d, null, settings(), '2026-08-10').map((i) => [i.dueDate, i.receivable])).toEqual([
      ['2026-07-01', true],
      ['2026-08-10', true],
    ]);
  });

  it('leaves out deals signed after the date, cancelled deals, and deals before receivablesFrom without an opening balance', () => {
    expect(instalmentsAsOf(deal({ signedOn: '2026-10-01' }), null, settings(), '2026-09-30')).toEqual([]);
    expect(instalmentsAsOf(deal({ active: false }), null, settings(), '2026-09-30')).toEqual([]);
    expect(instalmentsAsOf(deal({ signedOn: '2026-03-01' }), null, settings({ receivablesFrom: '2026-04-01' }), '2026-09-30')).toEqual([]);
    const opening = deal({ signedOn: '2026-03-01', shippedOn: '2026-03-20', openingBalanceFen: 12_000_00, openingDue: '2026-04-21' });
    expect(instalmentsAsOf(opening, null, settings({ receivablesFrom: '2026-04-01' }), '2026-09-30')).toEqual([
      { number: 1, amountFen: 12_000_00, dueDate: '2026-04-21', receivable: true, fromSigned: false },
    ]);
  });
});

function group(
  amounts: number[],
  receipts: { date: string; fen: number; pinned?: number }[],
  writeOffs: { k: number; date: string; fen: number }[] = [],
  deals = amounts.map((_, i) => i),
): AllocationGroup {
  return {
    instalments: amounts.map((amountFen, k) => ({
      deal: deals[k] ?? 0,
      amountFen,
      writeOffs: writeOffs.filter((w) => w.k === k).map((w) => ({ date: w.date, fen: w.fen })),
    })),
    dealCount: Math.max(0, ...deals) + 1,
    receipts: receipts.map((r) => ({ date: r.date, fen: r.fen, pinned: r.pinned ?? -1 })),
  };
}

describe('allocation first in first out', () => {
  it('pays instalments in order, each up to what it owes, and keeps the rest unapplied', () => {
    const g = group([100, 100, 50], [{ date: '2026-07-01', fen: 150 }]);
    expect(allocate(g, '2026-09-30', '2026-09-30')).toEqual({ owe: [100, 100, 50], paid: [100, 50, 0], unapplied: 0 });
    const more = group([100, 100, 50], [{ date: '2026-07-01', fen: 300 }]);
    expect(allocate(more, '2026-09-30', '2026-09-30').unapplied).toBe(50);
  });

  it('lets pinned receipts pay their deal first; their excess joins the unpinned money', () => {
    // Instalments of deals 0, 0, 1; 80 pinned to deal 1 pays its 50 and brings 30 to the pool.
    const g = group(
      [100, 100, 50],
      [
        { date: '2026-07-01', fen: 80, pinned: 1 },
        { date: '2026-07-02', fen: 100 },
      ],
      [],
      [0, 0, 1],
    );
    expect(allocate(g, '2026-09-30', '2026-09-30').paid).toEqual([100, 30, 50]);
  });

  it('counts only receipts and write-offs dated by the cut', () => {
    const g = group(
      [100],
      [
        { date: '2026-07-01', fen: 60 },
        { date: '2026-08-01', fen: 40 },
      ],
      [{ k: 0, date: '2026-07-15', fen: 10 }],
    );
    expect(allocate(g, '2026-07-31', '2026-07-31')).toEqual({ owe: [90], paid: [60], unapplied: 0 });
    expect(allocate(g, '2026-06-30', '2026-09-30')).toEqual({ owe: [90], paid: [0], unapplied: 0 });
    expect(allocate(g, '2026-09-30', '2026-09-30')).toEqual({ owe: [90], paid: [90], unapplied: 10 });
  });

  it('leaves a negative unapplied only when there are no instalments', () => {
    expect(allocate(group([], [{ date: '2026-07-01', fen: -500 }]), '2026-09-30', '2026-09-30').unapplied).toBe(-500);
    expect(allocate(group([100], [{ date: '2026-07-01', fen: -500 }]), '2026-09-30', '2026-09-30')).toEqual({ owe: [100], paid: [0], unapplied: 0 });
  });

  it('frees money paid on an instalment when it is written off', () => {
    const g = group([100, 100], [{ date: '2026-07-01', fen: 150 }], [{ k: 0, date: '2026-07-05', fen: 30 }]);
    expect(allocate(g, '2026-07-04', '2026-07-04').paid).toEqual([100, 50]);
    expect(allocate(g, '2026-07-05', '2026-07-05').paid).toEqual([70, 80]);
  });
});

describe('settled dates', () => {
  it('is the start of the last run of fully paid dates: a refund reopens, a later receipt settles again', () => {
    const g = group(
      [100, 100],
      [
        { date: '2026-07-10', fen: 100 },
        { date: '2026-07-20', fen: -50 },
        { date: '2026-07-25', fen: 50 },
        { date: '2026-08-05', fen: 60 },
      ],
    );
    expect(settledDates(g, '2026-09-30')).toEqual(['2026-07-25', null]);
    expect(settledDates(g, '2026-07-22')).toEqual([null, null]);
    expect(settledDates(g, '2026-07-15')).toEqual(['2026-07-10', null]);
  });

  it('counts money received before a deal was signed, and a write-off date that closes the balance', () => {
    const g = group([100], [{ date: '2026-06-01', fen: 95 }], [{ k: 0, date: '2026-07-30', fen: 5 }]);
    expect(settledDates(g, '2026-09-30')).toEqual(['2026-07-30']);
    const early = group([100], [{ date: '2026-06-01', fen: 100 }]);
    expect(settledDates(early, '2026-09-30')).toEqual(['2026-06-01']);
  });

  it('names which receipt paid which instalment, pinned ones on their deal', () => {
    const g = group(
      [100, 50],
      [
        { date: '2026-07-01', fen: 70 },
        { date: '2026-07-02', fen: 60, pinned: 1 },
      ],
      [],
      [0, 1],
    );
    const a = allocate(g, '2026-09-30', '2026-09-30');
    expect(a.paid).toEqual([80, 50]);
    expect(receiptShares(g, a, '2026-09-30')).toEqual([
      { receipt: 1, instalment: 1, fen: 50 },
      { receipt: 0, instalment: 0, fen: 70 },
      { receipt: 1, instalment: 0, fen: 10 },
    ]);
  });
});

describe('ageing', () => {
  it('counts days from the due date and puts them in buckets', () => {
    expect(daysBetween('2026-07-23', '2026-09-30')).toBe(69);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysOverdue('2026-07-23', 100, '2026-09-30')).toBe(69);
    expect(daysOverdue('2026-07-23', 0, '2026-09-30')).toBe(0);
    expect(daysOverdue('2026-09-30', 100, '2026-09-30')).toBe(0);
    expect(daysOverdue(null, 100, '2026-09-30')).toBe(0);
    expect([0, 1, 30, 31, 60, 61, 90, 91, 180, 181].map(bucketOf)).toEqual([
      'notDue',
      'd1_30',
      'd1_30',
      'd31_60',
      'd31_60',
      'd61_90',
      'd61_90',
      'd91_180',
      'd91_180',
      'd181',
    ]);
  });

  it('converts outstanding to CNY fen at the month rate, half-up', () => {
    const rate = (c: string) => (c === 'USD' ? 7_145_600 : null);
    expect(fenToCny(1_200_000, 'USD', rate, '2026-09')).toBe(8_574_720);
    expect(fenToCny(1, 'USD', rate, '2026-09')).toBe(7);
    expect(fenToCny(500, 'CNY', rate, '2026-09')).toBe(500);
    expect(() => fenToCny(100, 'EUR', rate, '2026-09')).toThrow('缺少 2026-09 EUR 的汇率');
  });

  it('ages a customer ledger: paid, outstanding, settled and days overdue per instalment', () => {
    const book = {
      terms: null,
      deals: [deal({ shippedOn: '2026-07-20' })],
      receipts: [{ id: 1, currency: 'USD', date: '2026-07-05', amountFen: 40_000_00, deal: null }],
      writeOffs: [],
    };
    const ledger = customerLedger(book, { asOf: '2026-09-30', settings: settings() });
    const rows = ledger.groups[0]?.instalments.map((i) => [i.number, i.paidFen, i.outstandingFen, i.settledOn, i.daysOverdue, i.receivable]);
    expect(rows).toEqual([
      [1, 30_000_00, 0, '2026-07-05', 0, true],
      [2, 10_000_00, 60_000_00, null, 72, true],
    ]);
  });
});

describe('credit', () => {
  const due = (dueDate: string, settledOn: string | null, days = 0): GradeEvidence => ({ receivable: true, dueDate, settledOn, daysOverdue: days });

  it('computes exposure less positive unapplied money, never below 0', () => {
    expect(exposureFen(1000, 500, 200)).toBe(1300);
    expect(exposureFen(1000, 500, -200)).toBe(1500);
    expect(exposureFen(100, 0, 500)).toBe(0);
    expect(isOverLimit(1300, 1300)).toBe(false);
    expect(isOverLimit(1301, 1300)).toBe(true);
    expect(isOverLimit(1301, null)).toBe(false);
  });

  it('suggests down two beyond 90 days, down one at 31–90, up one for punctual payers, within A…D', () => {
    expect(suggestGrade('B', [due('2026-06-01', null, 91)], false, '2026-09-30')).toBe('D');
    expect(suggestGrade('C', [due('2026-06-01', null, 120)], false, '2026-09-30')).toBe('D');
    expect(suggestGrade('B', [due('2026-08-01', null, 31)], false, '2026-09-30')).toBe('C');
    expect(suggestGrade('B', [due('2026-09-01', null, 29)], false, '2026-09-30')).toBe('B');
    expect(suggestGrade('B', [due('2026-08-01', '2026-07-30')], false, '2026-09-30')).toBe('A');
    expect(suggestGrade('A', [due('2026-08-01', '2026-07-30')], false, '2026-09-30')).toBe('A');
    expect(suggestGrade('B', [due('2026-08-01', '2026-08-02')], false, '2026-09-30')).toBe('B');
    expect(suggestGrade('B', [due('2026-08-01', '2026-07-30')], true, '2026-09-30')).toBe('B');
    // Nothing fell due in D−90 … D−1: unchanged.
    expect(suggestGrade('B', [due('2026-07-01', '2026-06-30')], false, '2026-09-30')).toBe('B');
    expect(suggestGrade('B', [due('2026-07-02', '2026-06-30')], false, '2026-09-30')).toBe('A');
  });
});

describe('collection_rate and overdue_rate as indicators', () => {
  const facts = (r: QuarterFacts['receivables']): QuarterFacts => ({
    dealVolume: new Dec(0),
    settled: new Dec(0),
    newCustomers: 0,
    errorWeight: 0,
    enteredDocumentSets: null,
    activeDeals: 0,
    ...(r ? { receivables: r } : {}),
  });
  const anchors = DEFAULT_SETTINGS.anchors;

  it('scores the collection rate higher-is-better and shows it as a percent', () => {
    const f = facts({ collectible: new Dec(1000), stillOutstanding: new Dec(456.5), outstanding: new Dec(0), overdue: new Dec(0) });
    const result = evaluateIndicator({ kpi: 'collection_rate', weight: '13', target: '0.90' }, f, anchors);
    expect(result.actual).toBe('54.35');
    expect(result.score?.toFixed(2)).toBe('45.29');
  });

  it('scores the overdue rate lower-is-better like the error rate, unrounded', () => {
    const f = facts({ collectible: new Dec(0), stillOutstanding: new Dec(0), outstanding: new Dec(3), overdue: new Dec(1) });
    const result = evaluateIndicator({ kpi: 'overdue_rate', weight: '12', target: '0.30' }, f, anchors);
    expect(result.actual).toBe('33.33');
    // 1/3 ÷ 0.30 = 1.111… → 80 − 80 × 0.111… = 71.11
    expect(result.score?.toFixed(2)).toBe('71.11');
  });

  it('is not applicable when nothing was collectible or nothing is outstanding', () => {
    const f = facts({ collectible: new Dec(0), stillOutstanding: new Dec(0), outstanding: new Dec(0), overdue: new Dec(0) });
    expect(evaluateIndicator({ kpi: 'collection_rate', weight: '10', target: '0.9' }, f, anchors).score).toBeNull();
    expect(evaluateIndicator({ kpi: 'overdue_rate', weight: '10', target: '0.1' }, f, anchors).score).toBeNull();
  });
});
