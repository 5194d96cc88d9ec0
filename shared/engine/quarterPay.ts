import type { AppraisalRow } from './appraisal';
import { Dec, fixed2 } from '../money';

/** What a person is paid for a quarter (薪酬): 3 × monthly base salary, performance pay, commission. */
export type QuarterPay = { base3: string; performancePay: string; commission: string; total: string };

/** The quarter's pay of one appraised person (SPEC §5: base salary is monthly, shown ×3). */
export function quarterPay(row: Pick<AppraisalRow, 'performancePay' | 'commission'>, monthlyBaseSalary: string): QuarterPay {
  const base3 = new Dec(monthlyBaseSalary).times(3);
  return {
    base3: fixed2(base3),
    performancePay: row.performancePay,
    commission: row.commission.total,
    total: fixed2(base3.plus(row.performancePay).plus(row.commission.total)),
  };
}

/** Column sums of several people's pay, for the 合计 line. */
export function sumPay(pays: readonly QuarterPay[]): QuarterPay {
  const sum = (pick: (p: QuarterPay) => string) => fixed2(pays.reduce((s, p) => s.plus(pick(p)), new Dec(0)));
  return { base3: sum((p) => p.base3), performancePay: sum((p) => p.performancePay), commission: sum((p) => p.commission), total: sum((p) => p.total) };
}
