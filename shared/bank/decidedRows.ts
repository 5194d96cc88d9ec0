import { normalizeRates, type TableRate } from './rateNormalization';
import type { RowOutcome } from './statementRows';

/**
 * The rows with every rate decided per 1 or per 100 units (SPEC §10), as new rows: the input is
 * left as it was. (`normalizeRates` sets its decisions on the rows it is given, so it is given
 * copies.)
 */
export function withRateDecisions(outcomes: readonly RowOutcome[], tableRate: TableRate): RowOutcome[] {
  const copies = outcomes.map((o): RowOutcome => (o.kind === 'row' ? { kind: 'row', value: { ...o.value } } : o));
  normalizeRates(copies, tableRate);
  return copies;
}
