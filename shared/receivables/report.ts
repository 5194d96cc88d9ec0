import type { CreditGrade } from '../domain';

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
