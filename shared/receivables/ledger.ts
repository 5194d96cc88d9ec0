import type { WriteOffKind } from '../entities';
import { daysOverdue } from './ageing';
import { allocate, settledDates, type AllocationGroup, type GroupInstalment, type GroupReceipt } from './allocation';
import { addDays } from './dates';
import { instalmentsAsOf, type ReceivableDeal, type TermsSettings } from './schedule';

/** A receipt that counts for receivables: it names the customer and is not 非客户回款. */
export type ReceivableReceipt = { id: number; currency: string; date: string; amountFen: number; deal: string | null };
export type ReceivableWriteOff = { deal: string; number: number; date: string; amountFen: number; kind: WriteOffKind };

/** One customer's deals, counted receipts and write-offs, any date: the ledger picks what exists as of the date. */
export type CustomerBook = {
  terms: string | null;
  deals: readonly ReceivableDeal[];
  receipts: readonly ReceivableReceipt[];
  writeOffs: readonly ReceivableWriteOff[];
};

/** An instalment as of the date, with its allocation; money in fen of the deal's currency. */
export type LedgerInstalment = {
  deal: ReceivableDeal;
  number: number;
  amountFen: number;
  dueDate: string | null;
  receivable: boolean;
  fromSigned: boolean;
  writtenOffFen: number;
  paidFen: number;
  outstandingFen: number;
  settledOn: string | null;
  daysOverdue: number;
  /** Outstanding when only receipts dated before `collectibleFrom` count (the collection rate). */
  collectibleFen: number | null;
};

/** One currency of a customer: its allocation group as the engine saw it, for the drill-down. */
export type LedgerGroup = {
  currency: string;
  deals: ReceivableDeal[];
  instalments: LedgerInstalment[];
  receipts: ReceivableReceipt[];
  group: AllocationGroup;
  unappliedFen: number;
};

export type CustomerLedger = { groups: LedgerGroup[] };

export type LedgerOptions = { asOf: string; settings: TermsSettings; collectibleFrom?: string };

function compareInstalments(a: LedgerInstalment, b: LedgerInstalment): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.deal.signedOn !== b.deal.signedOn) return a.deal.signedOn < b.deal.signedOn ? -1 : 1;
  if (a.deal.id !== b.deal.id) return a.deal.id < b.deal.id ? -1 : 1;
  return a.number - b.number;
}

/**
 * A customer's receivables as of a date (SPEC §12), per currency: instalments that exist, the
 * receipts dated from `receivablesFrom` to the date, write-offs to the date, the allocation,
 * settled dates and days overdue.
 */
export function customerLedger(book: CustomerBook, options: LedgerOptions): CustomerLedger {
  const { asOf, settings } = options;
  const from = settings.receivablesFrom;
  const currencies = new Map<string, { deals: ReceivableDeal[]; receipts: ReceivableReceipt[] }>();
  const slot = (currency: string) => {
    let entry = currencies.get(currency);
    if (!entry) currencies.set(currency, (entry = { deals: [], receipts: [] }));
    return entry;
  };
  for (const deal of book.deals) slot(deal.currency).deals.push(deal);
  for (const receipt of book.receipts) {
    if (receipt.date > asOf || (from !== null && receipt.date < from)) continue;
    slot(receipt.currency).receipts.push(receipt);
  }
  const writeOffsOf = new Map<string, { date: string; fen: number }[]>();
  for (const w of book.writeOffs) {
    const key = `${w.deal}\u0000${w.number}`;
    let list = writeOffsOf.get(key);
    if (!list) writeOffsOf.set(key, (list = []));
    list.push({ date: w.date, fen: w.amountFen });
  }
  const groups: LedgerGroup[] = [];
  for (const [currency, { deals, receipts }] of currencies) {
    groups.push(currencyGroup(currency, deals, receipts, writeOffsOf, book.terms, options));
  }
  return { groups };
}

function currencyGroup(
  currency: string,
  deals: ReceivableDeal[],
  receipts: ReceivableReceipt[],
  writeOffsOf: Map<string, { date: string; fen: number }[]>,
  customerTerms: string | null,
  { asOf, settings, collectibleFrom }: LedgerOptions,
): LedgerGroup {
  const dealIndex = new Map(deals.map((d, i) => [d.id, i]));
  const instalments: LedgerInstalment[] = [];
  for (const deal of deals) {
    for (const inst of instalmentsAsOf(deal, customerTerms, settings, asOf)) {
      instalments.push({ deal, ...inst, writtenOffFen: 0, paidFen: 0, outstandingFen: 0, settledOn: null, daysOverdue: 0, collectibleFen: null });
    }
  }
  instalments.sort(compareInstalments);
  receipts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const groupInstalments: GroupInstalment[] = instalments.map((inst) => ({
    deal: dealIndex.get(inst.deal.id) ?? -1,
    amountFen: inst.amountFen,
    writeOffs: writeOffsOf.get(`${inst.deal.id}\u0000${inst.number}`) ?? [],
  }));
  // A refund, or a pin to a deal of another currency or customer, is treated as unpinned.
  const groupReceipts: GroupReceipt[] = receipts.map((r) => ({
    date: r.date,
    fen: r.amountFen,
    pinned: r.deal !== null && r.amountFen > 0 ? (dealIndex.get(r.deal) ?? -1) : -1,
  }));
  const group: AllocationGroup = { instalments: groupInstalments, dealCount: deals.length, receipts: groupReceipts };
  const now = allocate(group, asOf, asOf);
  const settled = settledDates(group, asOf);
  const before = collectibleFrom === undefined ? null : allocate(group, addDays(collectibleFrom, -1), asOf);
  instalments.forEach((inst, k) => {
    const owe = now.owe[k] ?? 0;
    inst.writtenOffFen = inst.amountFen - owe;
    inst.paidFen = now.paid[k] ?? 0;
    inst.outstandingFen = owe - inst.paidFen;
    inst.settledOn = inst.outstandingFen === 0 ? (settled[k] ?? null) : null;
    inst.daysOverdue = daysOverdue(inst.dueDate, inst.outstandingFen, asOf);
    if (before) inst.collectibleFen = (before.owe[k] ?? 0) - (before.paid[k] ?? 0);
  });
  return { currency, deals, instalments, receipts, group, unappliedFen: now.unapplied };
}
