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
  unmatchedReceipts: { count: number; cny: string };
  salespeople: SalespersonReceivables[];
  customers: CustomerReceivables[];
  instalments: InstalmentRow[];
};

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

/**
 * Builds the report one customer at a time, so that a large company is never held as a whole:
 * only the sums and the instalment rows stay. `add` takes each customer's ledger as of `asOf`
 * (customer null for deals without one); `finish` sorts and writes the text figures.
 */
export function receivablesReportBuilder(asOf: string, rate: RateLookup, parties: ReportParties) {
  const month = asOf.slice(0, 7);
  const totals = emptySums();
  const people = new Map<string, FigureSums>();
  const customers: CustomerReceivables[] = [];
  const rows: InstalmentRow[] = [];
  const cny = (fen: number, currency: string) => fenToCny(fen, currency, rate, month);
  return {
    add(customer: string | null, ledger: CustomerLedger): void {
      const sums = emptySums();
      const evidence: GradeEvidence[] = [];
      let count = 0;
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
          addInstalment(totals, aged);
          addInstalment(person, aged);
          addInstalment(sums, aged);
          evidence.push(inst);
          count++;
          rows.push(instalmentRow(inst, group.currency));
        }
      }
      if (customer === null) return;
      const unapplied = unappliedCny(ledger, rate, month);
      if (count === 0 && unapplied === 0) return;
      const party = parties.customers.get(customer) ?? { name: customer, creditGrade: 'B', creditLimitFen: null };
      const exposure = exposureFen(sums.outstanding, sums.backlog, unapplied);
      const overLimit = isOverLimit(exposure, party.creditLimitFen);
      customers.push({
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
      });
    },
    finish(unmatched: { count: number; cnyFen: number }): ReceivablesReport {
      rows.sort((a, b) => byText(a.deal, b.deal) || a.number - b.number);
      customers.sort((a, b) => byText(a.customer, b.customer));
      const salespeople = [...people.entries()]
        .sort(([a], [b]) => byText(a, b))
        .map(([id, sums]) => ({ salesperson: id, name: parties.salespeople.get(id) ?? id, ...figures(sums), oldestOverdueDays: sums.oldestOverdueDays }));
      return {
        asOf,
        totals: figures(totals),
        unmatchedReceipts: { count: unmatched.count, cny: fenToText(unmatched.cnyFen) },
        salespeople,
        customers,
        instalments: rows,
      };
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
  unmatched: { count: number; cnyFen: number };
}): ReceivablesReport {
  const builder = receivablesReportBuilder(input.asOf, input.rate, input.parties);
  for (const [customer, book] of input.books) builder.add(customer, customerLedger(book, { asOf: input.asOf, settings: input.settings }));
  return builder.finish(input.unmatched);
}
