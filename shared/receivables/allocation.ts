/*
 * 核销 (SPEC §12): what each instalment of one customer and currency is paid as of a date.
 * Everything is in integer fen of the group's currency, so a million receipts add up exactly
 * and fast; nothing here knows about CNY.
 */

/** An instalment of the group in allocation order; `deal` indexes the group's deals. */
export type GroupInstalment = { deal: number; amountFen: number; writeOffs: readonly { date: string; fen: number }[] };
/** A counted receipt of the group; `pinned` is the deal index it pays, -1 when unpinned (refunds always are). */
export type GroupReceipt = { date: string; fen: number; pinned: number };

export type AllocationGroup = {
  /** In allocation order: due date (undated last), deal signed date, deal id, instalment number. */
  instalments: readonly GroupInstalment[];
  dealCount: number;
  /** Sorted by date. */
  receipts: readonly GroupReceipt[];
};

export type Allocation = {
  /** Amount less write-offs dated up to the write-off cut. */
  owe: number[];
  paid: number[];
  /** 预收/多收: what no instalment took; may be negative only when the group has no instalments. */
  unapplied: number;
};

/** Instalment indexes of each deal, in allocation order. */
function byDeal(group: AllocationGroup): number[][] {
  const lists: number[][] = Array.from({ length: group.dealCount }, () => []);
  group.instalments.forEach((inst, k) => lists[inst.deal]?.push(k));
  return lists;
}

/**
 * Steps 1–3 of SPEC §12 from sums already taken: pinned money per deal pays that deal's
 * instalments in order and its excess joins the unpinned money, which pays what is still owed
 * first in first out; what remains is unapplied.
 */
function distribute(owe: readonly number[], pinnedByDeal: readonly number[], unpinned: number, deals: readonly number[][], paid: number[]): number {
  let money = unpinned;
  paid.fill(0);
  deals.forEach((indexes, d) => {
    let pinned = pinnedByDeal[d] ?? 0;
    for (const k of indexes) {
      if (pinned <= 0) break;
      const pay = Math.min(owe[k] ?? 0, pinned);
      paid[k] = pay;
      pinned -= pay;
    }
    money += pinned;
  });
  if (owe.length === 0) return money;
  for (let k = 0; k < owe.length && money > 0; k++) {
    const pay = Math.min((owe[k] ?? 0) - (paid[k] ?? 0), money);
    paid[k] = (paid[k] ?? 0) + pay;
    money -= pay;
  }
  return Math.max(0, money);
}

/**
 * The allocation counting receipts dated ≤ `receiptsUpTo` and write-offs dated ≤ `writeOffsUpTo`
 * (the collection rate counts receipts before a quarter against write-offs to its end).
 */
export function allocate(group: AllocationGroup, receiptsUpTo: string, writeOffsUpTo: string): Allocation {
  const owe = group.instalments.map((inst) => inst.writeOffs.reduce((rest, w) => (w.date <= writeOffsUpTo ? rest - w.fen : rest), inst.amountFen));
  const pinnedByDeal = new Array<number>(group.dealCount).fill(0);
  let unpinned = 0;
  for (const r of group.receipts) {
    if (r.date > receiptsUpTo) break;
    if (r.pinned >= 0) pinnedByDeal[r.pinned] = (pinnedByDeal[r.pinned] ?? 0) + r.fen;
    else unpinned += r.fen;
  }
  const paid = new Array<number>(owe.length).fill(0);
  const unapplied = distribute(owe, pinnedByDeal, unpinned, byDeal(group), paid);
  return { owe, paid, unapplied };
}

/**
 * When each instalment was settled as of `asOf` (SPEC §12): the earliest receipt or write-off
 * date d ≤ asOf of the group such that it is fully paid as of every such date from d to asOf;
 * null for one outstanding at asOf. Only those dates can change anything, so the allocation is
 * replayed once per date, adding that date's receipts and write-offs to running sums.
 */
export function settledDates(group: AllocationGroup, asOf: string): (string | null)[] {
  const n = group.instalments.length;
  const since: (string | null)[] = new Array<string | null>(n).fill(null);
  if (n === 0) return since;
  const writeOffs = group.instalments.flatMap((inst, k) => inst.writeOffs.filter((w) => w.date <= asOf).map((w) => ({ date: w.date, fen: w.fen, k })));
  writeOffs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const owe = group.instalments.map((inst) => inst.amountFen);
  const pinnedByDeal = new Array<number>(group.dealCount).fill(0);
  const deals = byDeal(group);
  const paid = new Array<number>(n).fill(0);
  let unpinned = 0;
  let r = 0;
  let w = 0;
  const receipts = group.receipts;
  for (;;) {
    const nextReceipt = r < receipts.length && (receipts[r] as GroupReceipt).date <= asOf ? (receipts[r] as GroupReceipt).date : null;
    const nextWriteOff = w < writeOffs.length ? (writeOffs[w] as { date: string }).date : null;
    const date = nextReceipt === null ? nextWriteOff : nextWriteOff === null || nextReceipt <= nextWriteOff ? nextReceipt : nextWriteOff;
    if (date === null) break;
    for (; r < receipts.length && (receipts[r] as GroupReceipt).date === date; r++) {
      const receipt = receipts[r] as GroupReceipt;
      if (receipt.pinned >= 0) pinnedByDeal[receipt.pinned] = (pinnedByDeal[receipt.pinned] ?? 0) + receipt.fen;
      else unpinned += receipt.fen;
    }
    for (; w < writeOffs.length && (writeOffs[w] as { date: string }).date === date; w++) {
      const writeOff = writeOffs[w] as { fen: number; k: number };
      owe[writeOff.k] = (owe[writeOff.k] ?? 0) - writeOff.fen;
    }
    distribute(owe, pinnedByDeal, unpinned, deals, paid);
    for (let k = 0; k < n; k++) {
      if (paid[k] === owe[k]) since[k] ??= date;
      else since[k] = null;
    }
  }
  return since;
}

/** What one receipt paid of one instalment, in fen. */
export type ReceiptShare = { receipt: number; instalment: number; fen: number };

/**
 * Which receipts paid which instalments, for the drill-down (the allocation itself only needs
 * sums). Pinned receipts pay their deal's instalments in date order; what they bring beyond
 * joins the pool with the unpinned receipts; a refund takes back the latest money first; the
 * pool then pays first in first out, exactly as `allocate` does. Indexes are into the group's
 * receipts and instalments.
 */
export function receiptShares(group: AllocationGroup, allocation: Allocation, receiptsUpTo: string): ReceiptShare[] {
  const shares: ReceiptShare[] = [];
  const deals = byDeal(group);
  const pinnedPaid = new Array<number>(group.instalments.length).fill(0);
  const pool: { receipt: number; fen: number }[] = [];
  const pinnedOf: number[][] = Array.from({ length: group.dealCount }, () => []);
  group.receipts.forEach((r, i) => {
    if (r.date > receiptsUpTo) return;
    if (r.pinned >= 0) pinnedOf[r.pinned]?.push(i);
  });
  const leftover = new Map<number, number>();
  deals.forEach((indexes, d) => {
    let k = 0;
    for (const i of pinnedOf[d] ?? []) {
      let money = (group.receipts[i] as GroupReceipt).fen;
      for (; k < indexes.length && money > 0;) {
        const inst = indexes[k] as number;
        const pay = Math.min((allocation.owe[inst] ?? 0) - (pinnedPaid[inst] ?? 0), money);
        if (pay > 0) {
          shares.push({ receipt: i, instalment: inst, fen: pay });
          pinnedPaid[inst] = (pinnedPaid[inst] ?? 0) + pay;
          money -= pay;
        }
        if ((pinnedPaid[inst] ?? 0) >= (allocation.owe[inst] ?? 0)) k++;
      }
      if (money > 0) leftover.set(i, money);
    }
  });
  group.receipts.forEach((r, i) => {
    if (r.date > receiptsUpTo) return;
    if (r.pinned >= 0) {
      const rest = leftover.get(i);
      if (rest) pool.push({ receipt: i, fen: rest });
    } else if (r.fen > 0) {
      pool.push({ receipt: i, fen: r.fen });
    } else {
      let refund = -r.fen;
      for (let j = pool.length - 1; j >= 0 && refund > 0; j--) {
        const chunk = pool[j] as { fen: number };
        const take = Math.min(chunk.fen, refund);
        chunk.fen -= take;
        refund -= take;
      }
    }
  });
  let p = 0;
  group.instalments.forEach((_inst, k) => {
    let owed = (allocation.paid[k] ?? 0) - (pinnedPaid[k] ?? 0);
    while (owed > 0 && p < pool.length) {
      const chunk = pool[p] as { receipt: number; fen: number };
      const take = Math.min(chunk.fen, owed);
      if (take > 0) shares.push({ receipt: chunk.receipt, instalment: k, fen: take });
      chunk.fen -= take;
      owed -= take;
      if (chunk.fen === 0) p++;
    }
  });
  return shares;
}
