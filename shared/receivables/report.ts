import { DomainError } from '../api/errors';
import type { CreditGrade } from '../domain';
import { Dec, fenToText } from '../money';
import { addInstalment, emptySums, type FigureSums } from './ageing';
import { exposureFen, isOverLimit, suggestGrade, type GradeEvidence } from './credit';
import { customerLedger, type CustomerBook, type CustomerLedger, type LedgerInstalment } from './ledger';
import type { TermsSettings } from './schedule';
import { roundDiv } from './terms';

/*
 * `tkpi receivables --json` (SPEC §12): money as decimal text with two decimals, every CNY
 * figure at the table rate of the as-of date's month.
 */

/** Overdue age of receivable outstanding (逾期账龄), CNY. */
export type AgeingBuckets = { notDue: string; d1_30: string; d31_60: string; d61_90: string; d91_180: string; d181: string };

/** The figures every level of the report carries, CNY. */
export type AgeingFigures = {
  outstanding: string;
  overdue: string;
  backlog: string;
  lateDeposits: string;
  writtenOff: string;
  buckets: AgeingBuckets;
};

export type SalespersonReceivables = { salesperson: string; name: string } & AgeingFigures & { oldestOverdueDays: number };

export type CustomerReceivables = { customer: string; name: string } & AgeingFigures & {
    unapplied: string;
    oldestOverdueDays: number;
    creditGrade: CreditGrade;
    creditLimit: string | null;
    exposure: string;
    overLimit: boolean;
    suggestedGrade: CreditGrade;
  };

/** One instalment as of the date, in its deal's currency. */
export type InstalmentRow = {
  deal: string;
  number: number;
  salesperson: string;
  customer: string | null;
  currency: string;
  amount: string;
  writtenOff: string;
  dueDate: string | null;
  receivable: boolean;
  paid: string;
  outstanding: string;
  settledOn: string | null;
  daysOverdue: number;
};

export type ReceivablesReport = {
  asOf: string;
  totals: AgeingFigures;
  /**
   * `cny` sums the unmatched receipts whose CNY value is known; `missingRate` (only when some
   * have no table rate for their month) says how many are left out of it and names the first
   * month and currency to enter — never counted as ¥0.00 in silence.
   */
  unmatchedReceipts: { count: number; cny: string; missingRate?: MissingRateCount };
  salespeople: SalespersonReceivables[];
  customers: CustomerReceivables[];
  instalments: InstalmentRow[];
};

/** Receipts left out of a CNY sum because their month has no table rate: how many, and the first month and currency. */
export type MissingRateCount = { count: number; month: string; currency: string };

/** Unmatched receipts as the report takes them: count, CNY fen of those with a known value, and those without. */
export type UnmatchedSums = { count: number; cnyFen: number; missingRate?: MissingRateCount | null };

/** A rate per ONE unit in millionths of CNY for the as-of month, or null when the table has none. */
export type RateLookup = (currency: string) => number | null;

/** Outstanding fen of a currency → CNY fen at a per-unit rate in millionths, half-up away from zero (SPEC §2). */
export function fenToCny(fen: number, currency: string, rate: RateLookup, month: string): number {
  if (currency === 'CNY') return fen;
  // Even a zero needs the rate: a currency without one is an error, never a silent zero (SPEC §2).
  const micro = rate(currency);
  if (micro === null) throw new DomainError('appraise.missingRate', { month, currency });
  if (fen === 0) return 0;
  const product = fen * micro;
  if (Number.isSafeInteger(product)) return roundDiv(product, 1_000_000);
  return new Dec(fen).times(micro).div(1_000_000).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

export type CustomerParty = { name: string; creditGrade: CreditGrade; creditLimitFen: number | null };
export type ReportParties = { salespeople: ReadonlyMap<string, string>; customers: ReadonlyMap<string, CustomerParty> };

function figures(sums: FigureSums): AgeingFigures {
  return {
    outstanding: fenToText(sums.outstanding),
    overdue: fenToText(sums.overdue),
    backlog: fenToText(sums.backlog),
    lateDeposits: fenToText(sums.lateDeposits),
    writtenOff: fenToText(sums.writtenOff),
    buckets: {
      notDue: fenToText(sums.buckets.notDue),
      d1_30: fenToText(sums.buckets.d1_30),
      d31_60: fenToText(sums.buckets.d31_60),
      d61_90: fenToText(sums.buckets.d61_90),
      d91_180: fenToText(sums.buckets.d91_180),
      d181: fenToText(sums.buckets.d181),
    },
  };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An instalment as the report lists it, in its deal's currency. */
export function instalmentRow(inst: LedgerInstalment, currency: string): InstalmentRow {
  return {
    deal: inst.deal.id,
    number: inst.number,
    salesperson: inst.deal.salesperson,
    customer: inst.deal.customer,
    currency,
    amount: fenToText(inst.amountFen),
    writtenOff: fenToText(inst.writtenOffFen),
    dueDate: inst.dueDate,
    receivable: inst.receivable,
    paid: fenToText(inst.paidFen),
    outstanding: fenToText(inst.outstandingFen),
    settledOn: inst.settledOn,
    daysOverdue: inst.daysOverdue,
  };
}

/** Σ over a customer's currencies of its unapplied money, each rounded to CNY fen. */
export function unappliedCny(ledger: CustomerLedger, rate: RateLookup, month: string): number {
  // Only money actually unapplied needs converting: a currency whose receipts net to nothing asks for no rate.
  return ledger.groups.reduce((sum, g) => sum + (g.unappliedFen === 0 ? 0 : fenToCny(g.unappliedFen, g.currency, rate, month)), 0);
}

/** Adds one level's sums to another (every figure is a sum of CNY fen, the oldest a maximum). */
export function addSums(into: FigureSums, from: FigureSums): void {
  into.outstanding += from.outstanding;
  into.overdue += from.overdue;
  into.backlog += from.backlog;
  into.lateDeposits += from.lateDeposits;
  into.writtenOff += from.writtenOff;
  for (const key of Object.keys(into.buckets) as (keyof FigureSums['buckets'])[]) into.buckets[key] += from.buckets[key];
  if (from.oldestOverdueDays > into.oldestOverdueDays) into.oldestOverdueDays = from.oldestOverdueDays;
}

/**
 * One customer's share of the report (customer null: the deals without one): its sums for the
 * company and per salesperson, its row, and its instalment rows (in allocation order). The report
 * is the sum of the parts, so a part can be kept until the customer's data changes.
 */
export type CustomerPart = {
  customer: string | null;
  totals: FigureSums;
  people: Map<string, FigureSums>;
  row: CustomerReceivables | null;
  instalments: InstalmentRow[];
};

/** Instalment rows by deal then number, as the report lists them. */
export function byDealAndNumber(a: InstalmentRow, b: InstalmentRow): number {
  return byText(a.deal, b.deal) || a.number - b.number;
}

/** A customer's part of the report as of `asOf`, from its ledger. */
export function customerPart(asOf: string, rate: RateLookup, parties: ReportParties, customer: string | null, ledger: CustomerLedger): CustomerPart {
  const month = asOf.slice(0, 7);
  const cny = (fen: number, currency: string) => fenToCny(fen, currency, rate, month);
  const sums = emptySums();
  const people = new Map<string, FigureSums>();
  const evidence: GradeEvidence[] = [];
  const rows: InstalmentRow[] = [];
  for (const group of ledger.groups) {
    for (const inst of group.instalments) {
      const aged = {
        receivable: inst.receivable,
        outstandingCny: cny(inst.outstandingFen, group.currency),
        writtenOffCny: cny(inst.writtenOffFen, group.currency),
        daysOverdue: inst.daysOverdue,
      };
      let person = people.get(inst.deal.salesperson);
      if (!person) people.set(inst.deal.salesperson, (person = emptySums()));
      addInstalment(person, aged);
      addInstalment(sums, aged);
      evidence.push(inst);
      rows.push(instalmentRow(inst, group.currency));
    }
  }
  const part: CustomerPart = { customer, totals: sums, people, row: null, instalments: rows };
  if (customer === null) return part;
  const unapplied = unappliedCny(ledger, rate, month);
  if (rows.length === 0 && unapplied === 0) return part;
  const party = parties.customers.get(customer) ?? { name: customer, creditGrade: 'B', creditLimitFen: null };
  const exposure = exposureFen(sums.outstanding, sums.backlog, unapplied);
  const overLimit = isOverLimit(exposure, party.creditLimitFen);
  part.row = {
    customer,
    name: party.name,
    ...figures(sums),
    unapplied: fenToText(unapplied),
    oldestOverdueDays: sums.oldestOverdueDays,
    creditGrade: party.creditGrade,
    creditLimit: party.creditLimitFen === null ? null : fenToText(party.creditLimitFen),
    exposure: fenToText(exposure),
    overLimit,
    suggestedGrade: suggestGrade(party.creditGrade, evidence, overLimit, asOf),
  };
  return part;
}

/** Merges instalment rows already sorted by deal then number (each deal is one customer's, so the order is total). */
export function mergeInstalmentRows(a: readonly InstalmentRow[], b: readonly InstalmentRow[]): InstalmentRow[] {
  const out: InstalmentRow[] = new Array<InstalmentRow>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = byDealAndNumber(a[i] as InstalmentRow, b[j] as InstalmentRow) <= 0 ? (a[i++] as InstalmentRow) : (b[j++] as InstalmentRow);
  while (i < a.length) out[k++] = a[i++] as InstalmentRow;
  while (j < b.length) out[k++] = b[j++] as InstalmentRow;
  return out;
}

/** The first index of `rows` (sorted by deal then number) whose row is not before `row`. */
function lowerBound(rows: readonly InstalmentRow[], row: InstalmentRow): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDealAndNumber(rows[mid] as InstalmentRow, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `rows` (sorted by deal then number) without `removed` and with `added`, still sorted; a new
 * array. A few rows are found by binary search, many by one pass that merges.
 */
export function replaceInstalmentRows(rows: readonly InstalmentRow[], removed: readonly InstalmentRow[], added: readonly InstalmentRow[]): InstalmentRow[] {
  const incoming = [...added].sort(byDealAndNumber);
  if (removed.length + added.length > 2000) {
    const gone = new Set(removed);
    return mergeInstalmentRows(
      rows.filter((r) => !gone.has(r)),
      incoming,
    );
  }
  const out = rows.slice();
  for (const row of removed) {
    const at = lowerBound(out, row);
    if (out[at] === row) out.splice(at, 1);
  }
  for (const row of incoming) out.splice(lowerBound(out, row), 0, row);
  return out;
}

/**
 * The report from every customer's part; `instalments` are the parts' rows already merged by
 * deal then number (the caller keeps them so, to spare sorting a million rows again).
 */
export function assembleReport(
  asOf: string,
  parts: Iterable<CustomerPart>,
  salespeople: ReadonlyMap<string, string>,
  unmatched: UnmatchedSums,
  instalments: InstalmentRow[],
): ReceivablesReport {
  const totals = emptySums();
  const people = new Map<string, FigureSums>();
  const customers: CustomerReceivables[] = [];
  for (const part of parts) {
    addSums(totals, part.totals);
    for (const [id, sums] of part.people) {
      let person = people.get(id);
      if (!person) people.set(id, (person = emptySums()));
      addSums(person, sums);
    }
    if (part.row) customers.push(part.row);
  }
  customers.sort((a, b) => byText(a.customer, b.customer));
  const rows = [...people.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([id, sums]) => ({ salesperson: id, name: salespeople.get(id) ?? id, ...figures(sums), oldestOverdueDays: sums.oldestOverdueDays }));
  return {
    asOf,
    totals: figures(totals),
    unmatchedReceipts: {
      count: unmatched.count,
      cny: fenToText(unmatched.cnyFen),
      ...(unmatched.missingRate ? { missingRate: unmatched.missingRate } : {}),
    },
    salespeople: rows,
    customers,
    instalments,
  };
}

/**
 * Builds the report one customer at a time, so that a large company is never held as a whole:
 * only each customer's sums and the instalment rows stay. `add` takes each customer's ledger as
 * of `asOf` (customer null for deals without one); `finish` sorts and writes the text figures.
 */
export function receivablesReportBuilder(asOf: string, rate: RateLookup, parties: ReportParties) {
  const parts: CustomerPart[] = [];
  const rows: InstalmentRow[] = [];
  return {
    add(customer: string | null, ledger: CustomerLedger): void {
      const part = customerPart(asOf, rate, parties, customer, ledger);
      for (const row of part.instalments) rows.push(row);
      part.instalments = [];
      parts.push(part);
    },
    finish(unmatched: UnmatchedSums): ReceivablesReport {
      rows.sort(byDealAndNumber);
      return assembleReport(asOf, parts, parties.salespeople, unmatched, rows);
    },
  };
}

/** The report of a few customers held in memory (tests, small companies): every book at once. */
export function receivablesReport(input: {
  asOf: string;
  settings: TermsSettings;
  rate: RateLookup;
  parties: ReportParties;
  books: ReadonlyMap<string | null, CustomerBook>;
  unmatched: UnmatchedSums;
}): ReceivablesReport {
  const builder = receivablesReportBuilder(input.asOf, input.rate, input.parties);
  for (const [customer, book] of input.books) builder.add(customer, customerLedger(book, { asOf: input.asOf, settings: input.settings }));
  return builder.finish(input.unmatched);
}
