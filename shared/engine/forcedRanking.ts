import type { Grade } from '../domain';
import type { Dec } from '../money';
import { countGrades, type DistributionCaps } from './grades';

export type RankCandidate = { id: string; total: Dec; settled: Dec; dealVolume: Dec; grade: Grade };

/** Forced-ranking order (SPEC §5): total desc, then 结汇额 desc, 成交额 desc, salesperson id asc. */
export function rankOrder<T extends RankCandidate>(people: readonly T[]): T[] {
  return [...people].sort(
    (a, b) =>
      b.total.comparedTo(a.total) || b.settled.comparedTo(a.settled) || b.dealVolume.comparedTo(a.dealVolume) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const ONE_DOWN: Record<Grade, Grade> = { S: 'A', A: 'B', B: 'C', C: 'D', D: 'D' };

/**
 * 强制排序: demotes the lowest-ranked people until the caps hold, and lowers Bs to C until the
 * C+D floor holds (or no B is left). Totals never change. Returns the forced grade per id.
 *
 * `fixed` names people whose grade is already approved (a snapshot): they count towards the caps
 * with the grade they carry, but only the others can be demoted. Where the fixed grades alone
 * break a cap, the loop stops when nobody movable is left rather than changing an approval.
 */
export function forceGrades(people: readonly RankCandidate[], caps: DistributionCaps, fixed: ReadonlySet<string> = new Set()): Map<string, Grade> {
  const ranked = rankOrder(people);
  const grades = ranked.map((p) => p.grade);
  const counts = () => countGrades(grades);
  const demoteLowest = (from: Grade): boolean => {
    for (let index = grades.length - 1; index >= 0; index--) {
      if (grades[index] === from && !fixed.has(ranked[index]?.id ?? '')) {
        grades[index] = ONE_DOWN[from];
        return true;
      }
    }
    return false;
  };
  while (counts().S > caps.S && demoteLowest('S'));
  while (counts().A > caps.A && demoteLowest('A'));
  while (counts().S + counts().A > caps.SA && (demoteLowest('A') || demoteLowest('S')));
  while (counts().C + counts().D < caps.CD && demoteLowest('B'));
  return new Map(ranked.map((p, i) => [p.id, grades[i] as Grade]));
}
