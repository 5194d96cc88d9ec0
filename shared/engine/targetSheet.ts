import type { TargetIndicator } from '../domain';
import type { MessageKey, MessageParams } from '../i18n/messages';
import { Dec, isDecimalText } from '../money';

/** The UI checks half-typed sheets: text that is not a number yet is a problem, not a crash. */
function decimalOrNull(text: string | undefined): Dec | null {
  return text !== undefined && isDecimalText(text.trim()) ? new Dec(text.trim()) : null;
}

export type SheetProblem = { code: MessageKey; params?: MessageParams; index?: number; key?: keyof TargetIndicator };

const NEEDS_TARGET = new Set(['deal_volume', 'settled', 'new_customers', 'error_rate', 'collection_rate', 'overdue_rate', 'custom']);

/**
 * What is wrong with a quarterly target sheet (SPEC §4): positive weights summing to exactly 100,
 * a positive target for every scored indicator, a 0–100 score for peer review, no indicator twice.
 * Empty when the sheet is usable. The UI runs the same check as the user types.
 */
export function targetSheetProblems(indicators: readonly TargetIndicator[]): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const seen = new Set<string>();
  let sum = new Dec(0);
  indicators.forEach((indicator, index) => {
    const weight = decimalOrNull(indicator.weight);
    if (weight) sum = sum.plus(weight);
    if (!weight || !weight.isPositive() || weight.isZero()) problems.push({ code: 'targets.weightPositive', index, key: 'weight' });
    const identity = indicator.kpi === 'custom' ? `custom:${indicator.name ?? ''}` : indicator.kpi;
    if (seen.has(identity)) problems.push({ code: 'targets.duplicateKpi', params: { kpi: identity }, index, key: 'kpi' });
    seen.add(identity);
    problems.push(...indicatorProblems(indicator, index));
  });
  if (!sum.eq(100)) problems.push({ code: 'targets.weightSum', params: { sum: sum.toString() } });
  return problems;
}

function indicatorProblems(indicator: TargetIndicator, index: number): SheetProblem[] {
  const problems: SheetProblem[] = [];
  if (NEEDS_TARGET.has(indicator.kpi)) {
    const target = decimalOrNull(indicator.target);
    if (!target || target.lte(0)) problems.push({ code: 'targets.targetPositive', params: { kpi: indicator.kpi }, index, key: 'target' });
  }
  if (indicator.kpi === 'peer_review') {
    const score = decimalOrNull(indicator.score);
    if (!score || score.lt(0) || score.gt(100)) problems.push({ code: 'targets.peerScore', index, key: 'score' });
  }
  if (indicator.kpi === 'custom' && (!indicator.name || !indicator.direction || indicator.actual === undefined)) {
    problems.push({ code: 'targets.customFields', index, key: 'name' });
  }
  return problems;
}
