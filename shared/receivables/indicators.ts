import type { CustomerLedger } from './ledger';
import { fenToCny, type RateLookup } from './report';

/** Per salesperson CNY fen sums behind 回款率 and 逾期率 (SPEC §12), as of a quarter's last day. */
export type CollectionSums = { collectible: number; stillOutstanding: number; outstanding: number; overdue: number };

/**
 * Adds one customer's ledger, computed as of the quarter's last day with `collectibleFrom` = its
 * first day, to the salespeople's sums. Only receivable instalments count; the collection rate
 * only those due by the quarter's end. Each instalment is converted and rounded on its own.
 */
export function addCollectionSums(sums: Map<string, CollectionSums>, ledger: CustomerLedger, rate: RateLookup, quarterEnd: string): void {
  const month = quarterEnd.slice(0, 7);
  for (const group of ledger.groups) {
    for (const inst of group.instalments) {
      if (!inst.receivable) continue;
      let s = sums.get(inst.deal.salesperson);
      if (!s) sums.set(inst.deal.salesperson, (s = { collectible: 0, stillOutstanding: 0, outstanding: 0, overdue: 0 }));
      const outstanding = fenToCny(inst.outstandingFen, group.currency, rate, month);
      s.outstanding += outstanding;
      if (inst.daysOverdue > 0) s.overdue += outstanding;
      if (inst.dueDate !== null && inst.dueDate <= quarterEnd) {
        s.collectible += fenToCny(inst.collectibleFen ?? 0, group.currency, rate, month);
        s.stillOutstanding += outstanding;
      }
    }
  }
}
