import type { Bracket, CommissionPlan } from '../domain';
import { Dec, dec, fixed2, round2 } from '../money';

export type CommissionResult = { base: string; bracketAmount: string; newCustomerBonus: string; total: string };

/**
 * 提成 for a quarter (SPEC §5): the bracket amount on `base` by the plan's mode, plus a fixed
 * bonus per new customer. Each part is rounded to the fen; the total is their sum.
 */
export function computeCommission(plan: CommissionPlan, base: Dec, newCustomers: number): CommissionResult {
  const bracketAmount = round2(plan.mode === 'whole' ? wholeAmount(plan.brackets, base) : progressiveAmount(plan.brackets, base));
  const bonus = round2(dec(plan.newCustomerBonus).times(newCustomers));
  return {
    base: fixed2(base),
    bracketAmount: fixed2(bracketAmount),
    newCustomerBonus: fixed2(bonus),
    total: fixed2(bracketAmount.plus(bonus)),
  };
}

/** 超额累进: each slice of the base at its own bracket's rate. */
export function progressiveAmount(brackets: readonly Bracket[], base: Dec): Dec {
  if (base.lte(0)) return new Dec(0);
  let amount = new Dec(0);
  let lower = new Dec(0);
  for (const bracket of brackets) {
    const upper = bracket.upTo === null ? base : Dec.min(base, bracket.upTo);
    if (upper.gt(lower)) amount = amount.plus(upper.minus(lower).times(bracket.rate));
    if (bracket.upTo === null || base.lte(bracket.upTo)) break;
    lower = new Dec(bracket.upTo);
  }
  return amount;
}

/** 全额累进: the whole base at the rate of the bracket it falls in (an upper bound is inside). */
export function wholeAmount(brackets: readonly Bracket[], base: Dec): Dec {
  if (base.lte(0)) return new Dec(0);
  const bracket = brackets.find((b) => b.upTo === null || base.lte(b.upTo)) ?? brackets[brackets.length - 1];
  return bracket ? base.times(bracket.rate) : new Dec(0);
}
