import type { QuarterKey } from '../quarter';
import { parseQuarter } from '../quarter';

/** The quarterly appraisal's steps (SPEC §8), in order. */
export const STEPS = ['targets', 'self', 'review', 'interview', 'approved', 'archived'] as const;
export type Step = (typeof STEPS)[number];

/** The step a person's appraisal has completed last; 'none' before targets are confirmed. */
export type Stage = 'none' | Step;

export function nextStep(stage: Stage): Step | null {
  if (stage === 'none') return 'targets';
  const index = STEPS.indexOf(stage);
  return STEPS[index + 1] ?? null;
}

export function stepIndex(stage: Stage): number {
  return stage === 'none' ? -1 : STEPS.indexOf(stage);
}

/** Approved (or archived after approval): what was approved is frozen until a reopen. */
export function isApproved(stage: Stage): boolean {
  return stepIndex(stage) >= stepIndex('approved');
}

/** Length as the form rules count it: a CJK character counts as 1, like any other character. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

export const MIN_TEXT = 100;
export const MIN_INTERVIEW_MINUTES = 30;

function day(year: number, month: number, d: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * When each step is due (SPEC §8): targets by the 15th of the quarter's first month; forms out
 * by the 5th of the month after the quarter and back by the 10th; review the 13th; interview the
 * 15th; approval the 20th. For Q4 every step after targets is due by 15 January.
 */
export function deadlines(quarter: QuarterKey): Record<Exclude<Step, 'archived'>, string> & { formsOut: string } {
  const q = parseQuarter(quarter);
  if (!q) throw new Error(`not a quarter: ${quarter}`);
  const targets = day(q.year, q.q * 3 - 2, 15);
  if (q.q === 4) {
    const jan15 = day(q.year + 1, 1, 15);
    return { targets, formsOut: jan15, self: jan15, review: jan15, interview: jan15, approved: jan15 };
  }
  const after = q.q * 3 + 1;
  return {
    targets,
    formsOut: day(q.year, after, 5),
    self: day(q.year, after, 10),
    review: day(q.year, after, 13),
    interview: day(q.year, after, 15),
    approved: day(q.year, after, 20),
  };
}
