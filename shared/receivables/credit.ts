import { CREDIT_GRADES, type CreditGrade } from '../domain';
import { addDays } from './dates';

/**
 * 信用敞口 (SPEC §12), CNY fen: receivable plus backlog outstanding, less unapplied money when
 * that is positive, never below 0.
 */
export function exposureFen(outstanding: number, backlog: number, unapplied: number): number {
  return Math.max(0, outstanding + backlog - Math.max(0, unapplied));
}

export function isOverLimit(exposure: number, limitFen: number | null): boolean {
  return limitFen !== null && exposure > limitFen;
}

/** A receivable instalment as the grade suggestion reads it. */
export type GradeEvidence = { receivable: boolean; dueDate: string | null; settledOn: string | null; daysOverdue: number };

/**
 * The suggested grade as of D: down two when the oldest overdue instalment is more than 90 days
 * overdue, down one at 31–90; otherwise up one when not over the limit, at least one receivable
 * instalment fell due in D−90 … D−1, every such one was settled by its due date and nothing is
 * overdue; otherwise unchanged. Always within A…D.
 */
export function suggestGrade(current: CreditGrade, instalments: readonly GradeEvidence[], overLimit: boolean, asOf: string): CreditGrade {
  let oldest = 0;
  for (const i of instalments) if (i.receivable && i.daysOverdue > oldest) oldest = i.daysOverdue;
  const index = CREDIT_GRADES.indexOf(current);
  const shift = (by: number) => CREDIT_GRADES[Math.min(CREDIT_GRADES.length - 1, Math.max(0, index + by))] as CreditGrade;
  if (oldest > 90) return shift(2);
  if (oldest > 30) return shift(1);
  if (overLimit || oldest > 0) return current;
  const from = addDays(asOf, -90);
  const recent = instalments.filter((i) => i.receivable && i.dueDate !== null && i.dueDate >= from && i.dueDate < asOf);
  const punctual = recent.length > 0 && recent.every((i) => i.settledOn !== null && i.dueDate !== null && i.settledOn <= i.dueDate);
  return punctual ? shift(-1) : current;
}
