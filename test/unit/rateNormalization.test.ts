import { describe, expect, it } from 'vitest';
import { classifyStatement, type ImportContext } from '../../shared/bank/classify';
import { withRateDecisions } from '../../shared/bank/decidedRows';
import { normalizeRates, type TableRate } from '../../shared/bank/rateNormalization';
import type { BankRow, RowOutcome } from '../../shared/bank/statementRows';
import { normalizePayerName } from '../../shared/matching/payerName';

/*
 * SPEC §10 per-100 rates, worked: a bank may write 美元 712.34 meaning 712.34 CNY per 100 USD.
 * Each row is decided per 1 or per 100 against its own CNY amount, else the month's table rate,
 * else how the rest of the same file quotes; what none of these decides stays undecided.
 */

/** USD 1,000.00 received on 2026-07-10 unless told otherwise. */
function row(partial: Partial<BankRow> & { row: number }): RowOutcome {
  return {
    kind: 'row',
    value: {
      valueDate: '2026-07-10',
      currency: 'USD',
      direction: 'in',
      amountFen: 100000,
      rate: null,
      cnyFen: null,
      counterparty: 'ACME LTD',
      reference: null,
      memo: null,
      ...partial,
    },
  };
}

const noTable: TableRate = () => null;

/** Each row's decision as one short text, so a failure shows every row at once. */
function decisions(outcomes: readonly RowOutcome[]): string[] {
  return outcomes.map((o) => {
    if (o.kind !== 'row') return o.kind;
    const d = o.value.decision;
    if (d === undefined) return 'not decided';
    if (d.kind === 'rate') return `${d.perUnit} per 1 (written per ${d.quotedPer})`;
    if (d.kind === 'undecided') return `undecided ${d.written}`;
    return 'none';
  });
}

function decide(outcomes: RowOutcome[], tableRate: TableRate = noTable): string[] {
  normalizeRates(outcomes, tableRate);
  return decisions(outcomes);
}

describe('a row decided by its own CNY amount', () => {
  it('712.34 with ¥7,123.40 for $1,000.00 is written per 100: 7.1234 per dollar', () => {
    // 7123.40 / 1000.00 = 7.1234 = 712.34 / 100.
    expect(decide([row({ row: 2, rate: '712.34', cnyFen: 712340 })])).toEqual(['7.1234 per 1 (written per 100)']);
  });

  it('7.1234 with ¥7,123.40 for $1,000.00 is written per 1', () => {
    expect(decide([row({ row: 2, rate: '7.1234', cnyFen: 712340 })])).toEqual(['7.1234 per 1 (written per 1)']);
  });

  it('its own amount wins over a table rate that says otherwise', () => {
    // A (wrong) table rate of 712 would read 712.34 per 1; against ¥7,123.40 it is per 100 whatever the table says.
    expect(decide([row({ row: 2, rate: '712.34', cnyFen: 712340 })], () => '712.00')).toEqual(['7.1234 per 1 (written per 100)']);
  });
});

describe('a row without a CNY amount', () => {
  it('is decided by the month’s table rate: 712.34 against a table 7.10 is per 100', () => {
    const asked: string[] = [];
    const table: TableRate = (month, currency) => (asked.push(`${month} ${currency}`), '7.10');
    expect(decide([row({ row: 2, rate: '712.34' })], table)).toEqual(['7.1234 per 1 (written per 100)']);
    expect(asked, 'the table is asked for the row’s month and currency').toEqual(['2026-07 USD']);
  });

  it('else by how the rest of the file quotes: a file whose rows show per 100 decides its other rows per 100', () => {
    const file = [row({ row: 2, rate: '712.34', cnyFen: 712340 }), row({ row: 3, rate: '713.00' }), row({ row: 4, currency: 'EUR', rate: '780.50' })];
    expect(decide(file)).toEqual(['7.1234 per 1 (written per 100)', '7.13 per 1 (written per 100)', '7.805 per 1 (written per 100)']);
  });

  it('stays undecided, never 100× wrong, when the file quotes both ways', () => {
    const file = [row({ row: 2, rate: '712.34', cnyFen: 712340 }), row({ row: 3, rate: '7.1234', cnyFen: 712340 }), row({ row: 4, rate: '713.00' })];
    expect(decide(file)).toEqual(['7.1234 per 1 (written per 100)', '7.1234 per 1 (written per 1)', 'undecided 713.00']);
  });

  it('stays undecided when nothing in the file or the table shows how it is written', () => {
    expect(decide([row({ row: 2, rate: '713.00' }), row({ row: 3, rate: '713.00', valueDate: '2026-08-03' })])).toEqual([
      'undecided 713.00',
      'undecided 713.00',
    ]);
  });

  it('the hint belongs to one file: a per-100 file read before does not decide the next one', () => {
    expect(decide([row({ row: 2, rate: '712.34', cnyFen: 712340 })])).toEqual(['7.1234 per 1 (written per 100)']);
    expect(decide([row({ row: 2, rate: '713.00' })])).toEqual(['undecided 713.00']);
  });
});

describe('rows with no rate to decide', () => {
  it('CNY rows, rows without a rate and a foreign rate of 1 carry no rate', () => {
    const file = [
      row({ row: 2, currency: 'CNY', rate: '1' }),
      row({ row: 3, rate: null }),
      row({ row: 4, rate: '1', cnyFen: 100000 }),
      { kind: 'skip', row: 5, reason: 'footer' } as RowOutcome,
    ];
    expect(decide(file)).toEqual(['none', 'none', 'none', 'skip']);
  });
});

describe('rates are decided once per statement', () => {
  it('rows alike (currency, rate, month) without a CNY amount ask the table once', () => {
    let asked = 0;
    const table: TableRate = () => (asked++, '7.10');
    const file = [row({ row: 2, rate: '712.34' }), row({ row: 3, rate: '712.34', amountFen: 50000 }), row({ row: 4, rate: '712.34', amountFen: 2500 })];
    const decided = withRateDecisions(file, table);
    expect(decisions(decided)).toEqual(Array(3).fill('7.1234 per 1 (written per 100)'));
    // Each ask is a database query in the app; a second normalisation of the same rows would ask again.
    expect(asked, 'table-rate look-ups for three alike rows').toBe(1);
  });

  it('classification takes the reader’s decisions and does not decide the rates again', () => {
    const decided = withRateDecisions([row({ row: 2, rate: '712.34' }), row({ row: 3, rate: '712.34', cnyFen: 712340 })], () => '7.10');
    const asked: string[] = [];
    const ctx: ImportContext = {
      companyKey: normalizePayerName('本公司'),
      customerOf: (name) => (name !== null && normalizePayerName(name) === 'ACME LTD' ? { id: 'C1', owner: 'S1' } : null),
      tableRate: (month, currency) => (asked.push(`${month} ${currency}`), '7.10'),
      storedAmong: () => new Set(),
    };
    const plans = classifyStatement(decided, ctx);
    expect(plans.map((p) => p.receipt?.rate)).toEqual(['7.1234', '7.1234']);
    expect(asked, 'table-rate look-ups made by classification of decided rows').toEqual([]);
  });

  it('a decided rate is never divided again: the stored rate of a per-100 row is its per-unit rate', () => {
    const decided = withRateDecisions([row({ row: 2, rate: '712.34', cnyFen: 712340 })], noTable);
    const again = withRateDecisions(decided, noTable);
    expect(decisions(again)).toEqual(['7.1234 per 1 (written per 100)']);
    const ctx: ImportContext = { companyKey: '', customerOf: () => ({ id: 'C1', owner: 'S1' }), tableRate: noTable, storedAmong: () => new Set() };
    expect(classifyStatement(again, ctx)[0]).toMatchObject({ quotedPer: 100, rateWritten: '712.34', receipt: { rate: '7.1234', rateMicro: 7123400 } });
  });
});
