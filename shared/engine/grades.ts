import type { DistributionRule, Grade, GradeBand } from '../domain';
import { Dec, round2 } from '../money';

/** The band a total falls in: the highest band whose inclusive lower bound it reaches. */
export function bandGrade(total: Dec, bands: readonly GradeBand[]): Grade {
  const sorted = [...bands].sort((a, b) => new Dec(b.min).comparedTo(a.min));
  const band = sorted.find((b) => total.gte(b.min)) ?? sorted[sorted.length - 1];
  if (!band) throw new Error('no grade bands');
  return band.grade;
}

export function coefficientOf(grade: Grade, bands: readonly GradeBand[]): Dec {
  const band = bands.find((b) => b.grade === grade);
  if (!band) throw new Error(`no band for grade ${grade}`);
  return new Dec(band.coefficient);
}

/** 绩效工资 = quarterly performance base pay × coefficient of the final grade, to the fen. */
export function performancePay(basePay: Dec, coefficient: Dec): Dec {
  return round2(basePay.times(coefficient));
}

export type GradeCounts = Record<Grade, number>;
export type DistributionCaps = { S: number; A: number; SA: number; CD: number };

export function countGrades(grades: readonly Grade[]): GradeCounts {
  const counts: GradeCounts = { S: 0, A: 0, B: 0, C: 0, D: 0 };
  for (const grade of grades) counts[grade]++;
  return counts;
}

/** Caps (and the C+D floor) as round-half-up(share × n): n = 6 → S 0, A 1, S+A 1, C+D 2. */
export function distributionCaps(n: number, rule: DistributionRule): DistributionCaps {
  const of = (share: string) => round2(new Dec(share).times(n), 0).toNumber();
  return { S: of(rule.S), A: of(rule.A), SA: of(rule.SA), CD: of(rule.CD) };
}

/** A breach is a warning with the numbers, never a block (SPEC §5). */
export function isCompliant(counts: GradeCounts, caps: DistributionCaps): boolean {
  return counts.S <= caps.S && counts.A <= caps.A && counts.S + counts.A <= caps.SA && counts.C + counts.D >= caps.CD;
}
