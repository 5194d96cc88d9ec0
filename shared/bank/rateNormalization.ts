import { decideRate, quotedPer, type RateDecision } from './rateDecision';
import type { BankRow, RowOutcome } from './statementRows';

export type TableRate = (month: string, currency: string) => string | null;

const NO_RATE: RateDecision = Object.freeze({ kind: 'none' });

/** How the file quotes where its rows show it: all per 1, all per 100, or mixed (null). */
function fileQuotesPer(rows: readonly BankRow[], tableRate: TableRate): 1 | 100 | null {
  const seen = new Set<1 | 100>();
  const checked = new Set<string>();
  for (const r of rows) {
    if (r.rate === null || r.currency === 'CNY' || Number(r.rate) === 1) continue;
    const month = r.valueDate.slice(0, 7);
    const key = `${r.currency}|${r.rate}|${month}`;
    if (r.cnyFen === null && checked.has(key)) continue;
    checked.add(key);
    const per = quotedPer(r.rate, { amountFen: r.amountFen, cnyFen: r.cnyFen, tableRate: tableRate(month, r.currency) });
    if (per !== null) seen.add(per);
  }
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

/**
 * Per-100 rates as SPEC §10 says (part of reading a statement): every row's rate is decided per
 * 1 or per 100 units against its own CNY amount, else the month's table rate, else how the rest
 * of the file quotes; what cannot be decided stays undecided, never 100× wrong. The decision is
 * set on each row.
 */
export function normalizeRates(outcomes: readonly RowOutcome[], tableRate: TableRate): void {
  // A loop, not flatMap: that makes a one-row array per row first (200,000 of them, issue 8.6).
  const rows: BankRow[] = [];
  for (const o of outcomes) if (o.kind === 'row') rows.push(o.value);
  // How the file quotes is only needed for a row its own evidence cannot decide: rarely. It is
  // decided once per file — `??=` alone would rescan the whole file whenever it came out null
  // (mixed or no evidence, as in a company without table rates), once per currency/rate/month.
  let fileHint: 1 | 100 | null = null;
  let hintDecided = false;
  const hint = () => {
    if (!hintDecided) {
      fileHint = fileQuotesPer(rows, tableRate);
      hintDecided = true;
    }
    return fileHint;
  };
  const alike = new Map<string, RateDecision>();
  for (const r of rows) {
    if (r.rate === null || r.currency === 'CNY') {
      r.decision = NO_RATE;
      continue;
    }
    const month = r.valueDate.slice(0, 7);
    if (r.cnyFen !== null) {
      // Only a row's own CNY amount makes its decision its own; otherwise rows alike decide alike.
      const own = decideRate(r.currency, r.rate, { amountFen: r.amountFen, cnyFen: r.cnyFen, tableRate: tableRate(month, r.currency) }, null);
      r.decision = own.kind === 'undecided' ? decideRate(r.currency, r.rate, { amountFen: r.amountFen, cnyFen: null, tableRate: null }, hint()) : own;
      continue;
    }
    const key = `${r.currency}|${r.rate}|${month}`;
    let decision = alike.get(key);
    if (!decision) {
      const byTable = decideRate(r.currency, r.rate, { amountFen: 1, cnyFen: null, tableRate: tableRate(month, r.currency) }, null);
      decision = byTable.kind === 'undecided' ? decideRate(r.currency, r.rate, { amountFen: 1, cnyFen: null, tableRate: null }, hint()) : byTable;
      alike.set(key, decision);
    }
    r.decision = decision;
  }
}
