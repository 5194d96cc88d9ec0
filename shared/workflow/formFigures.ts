import type { AppraisalRow } from '../engine/appraisal';

/**
 * The figures a printed appraisal form carries, as text. The same canonical text is built from
 * the engine's row at export and from the form's cells at import, so a form whose figures were
 * changed, or that the data has since outgrown, is recognised.
 */
export type FormFigures = {
  indicators: { weight: string; actual: string; score: string }[];
  weighted: string;
  adjustments: string;
  total: string;
  grade: string;
  coefficient: string;
  performancePay: string;
  commission: string;
};

export function figuresOfRow(row: AppraisalRow): FormFigures {
  return {
    indicators: row.indicators.map((i) => ({ weight: i.weight, actual: i.actual ?? '', score: i.score ?? '' })),
    weighted: row.weightedScore,
    adjustments: row.adjustments,
    total: row.total,
    grade: row.finalGrade,
    coefficient: row.coefficient,
    performancePay: row.performancePay,
    commission: row.commission.total,
  };
}

/** One line per figure, numbers in their canonical decimal form ("30", "97.5", "2600"). */
export function canonicalFigures(quarter: string, salesperson: string, f: FormFigures): string {
  const n = (text: string) => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? String(Number(text)) : text.trim());
  return [
    `quarter=${quarter}`,
    `salesperson=${salesperson}`,
    ...f.indicators.map((i, k) => `indicator${k}=${n(i.weight)}|${n(i.actual)}|${n(i.score)}`),
    `weighted=${n(f.weighted)}`,
    `adjustments=${n(f.adjustments)}`,
    `total=${n(f.total)}`,
    `grade=${f.grade}`,
    `coefficient=${n(f.coefficient)}`,
    `performancePay=${n(f.performancePay)}`,
    `commission=${n(f.commission)}`,
  ].join('\n');
}
