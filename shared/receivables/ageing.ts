import { daysBetween } from './dates';

export const BUCKETS = ['notDue', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd181'] as const;
export type BucketKey = (typeof BUCKETS)[number];

/** D − due date when due before D and something is outstanding (backlog included); else 0. */
export function daysOverdue(dueDate: string | null, outstandingFen: number, asOf: string): number {
  if (dueDate === null || outstandingFen === 0 || dueDate >= asOf) return 0;
  return daysBetween(dueDate, asOf);
}

/** 逾期账龄 of a receivable instalment's outstanding: not due (due on or after D), 1–30 … over 180 days. */
export function bucketOf(days: number): BucketKey {
  if (days <= 0) return 'notDue';
  if (days <= 30) return 'd1_30';
  if (days <= 60) return 'd31_60';
  if (days <= 90) return 'd61_90';
  if (days <= 180) return 'd91_180';
  return 'd181';
}

/** CNY fen sums of one level of the report (a salesperson, a customer, the company). */
export type FigureSums = {
  outstanding: number;
  overdue: number;
  backlog: number;
  lateDeposits: number;
  writtenOff: number;
  buckets: Record<BucketKey, number>;
  oldestOverdueDays: number;
};

export function emptySums(): FigureSums {
  return {
    outstanding: 0,
    overdue: 0,
    backlog: 0,
    lateDeposits: 0,
    writtenOff: 0,
    buckets: { notDue: 0, d1_30: 0, d31_60: 0, d61_90: 0, d91_180: 0, d181: 0 },
    oldestOverdueDays: 0,
  };
}

/** An instalment's part in the figures: its outstanding and write-offs already in CNY fen. */
export type AgedInstalment = { receivable: boolean; outstandingCny: number; writtenOffCny: number; daysOverdue: number };

/**
 * Adds one instalment (SPEC §12): receivable outstanding is aged into buckets and counts as
 * overdue when past due; the rest is backlog, and its past-due part late deposits (定金逾期).
 */
export function addInstalment(sums: FigureSums, inst: AgedInstalment): void {
  sums.writtenOff += inst.writtenOffCny;
  if (inst.receivable) {
    sums.outstanding += inst.outstandingCny;
    sums.buckets[bucketOf(inst.daysOverdue)] += inst.outstandingCny;
    if (inst.daysOverdue > 0) {
      sums.overdue += inst.outstandingCny;
      if (inst.daysOverdue > sums.oldestOverdueDays) sums.oldestOverdueDays = inst.daysOverdue;
    }
  } else {
    sums.backlog += inst.outstandingCny;
    if (inst.daysOverdue > 0) sums.lateDeposits += inst.outstandingCny;
  }
}
