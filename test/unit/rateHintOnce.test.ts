import { describe, expect, it } from 'vitest';
import { normalizeRates } from '../../shared/bank/rateNormalization';
import type { BankRow, RowOutcome } from '../../shared/bank/statementRows';

/** Rows that carry no CNY amount, each with its own currency/rate/month, as in a big statement. */
function rows(count: number): RowOutcome[] {
  return Array.from({ length: count }, (_, i): RowOutcome => {
    const value: BankRow = {
      row: i + 2,
      valueDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-10`,
      currency: ['USD', 'EUR', 'GBP'][i % 3] ?? 'USD',
      direction: 'in',
      amountFen: 100_000 + i,
      rate: `${700 + (i % 50)}.${String(i % 97).padStart(2, '0')}`,
      cnyFen: null,
      counterparty: 'PIONEER TEXTILES LIMITED',
      reference: `R${i}`,
      memo: null,
    };
    return { kind: 'row', value };
  });
}

describe('rate normalisation without table rates (issue 8.7)', () => {
  it('decides how the file quotes once per file, not once per currency, rate and month', () => {
    const outcomes = rows(3000);
    let lookups = 0;
    // A company that has not entered its FX table yet: every lookup comes back empty.
    normalizeRates(outcomes, () => {
      lookups++;
      return null;
    });
    // One lookup per distinct key while deciding rows, plus one scan of the file for the hint.
    // Recomputing the hint for every new key would cost thousands of lookups per key.
    expect(lookups, `table-rate lookups for 3,000 rows`).toBeLessThanOrEqual(2 * 3000);
    const decided = outcomes.map((o) => (o.kind === 'row' ? o.value.decision?.kind : 'none'));
    expect(decided.length).toBe(3000);
    expect(
      decided.every((k) => k !== undefined),
      `rows left without a decision: ${decided.filter((k) => k === undefined).length}`,
    ).toBe(true);
  });
});
