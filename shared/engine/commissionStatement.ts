import type { Bracket, CommissionBase, CommissionPlan } from '../domain';
import { Dec, dec, fixed2, round2, sumMoney } from '../money';
import { computeCommission, type CommissionResult } from './commission';

/**
 * Where a receipt's CNY value came from (SPEC §3): the bank's own CNY amount, the bank's rate
 * (as quoted, or quoted per 100 units and normalised), a CNY account, or the company's table
 * rate of the value date's month (估算).
 */
export type RateSource = 'bankCny' | 'bankRate' | 'bankRatePer100' | 'cny' | 'table';

/** One receipt (or, with a 成交额 base, one deal) that makes up the commission base. */
export type StatementLine = {
  id: string;
  date: string;
  ref: string | null;
  counterparty: string | null;
  customer: string | null;
  currency: string;
  amount: string;
  /** CNY per one unit as used; null when the bank's own CNY amount was taken. */
  rate: string | null;
  rateSource: RateSource;
  cny: string;
};

/** Why a receipt of the person's customers does not count for them this quarter. */
export type ExclusionReason = 'notCustomer' | 'creditedToOther' | 'noOwnerWhenMatched';

export type ExcludedLine = Omit<StatementLine, 'cny' | 'rate' | 'rateSource'> & { cny: string | null; reason: ExclusionReason; creditedTo: string | null };

/** One bracket's slice of the base: progressive plans have one per bracket reached, whole plans one. */
export type BracketSlice = { from: string; to: string | null; rate: string; amount: string; commission: string };

export type NewCustomerLine = { customer: string; name: string; date: string };

/** 提成对账单: every figure of a person's quarterly commission, traceable line by line. */
export type CommissionStatement = {
  salesperson: string;
  name: string;
  quarter: string;
  base: CommissionBase;
  mode: CommissionPlan['mode'];
  lines: StatementLine[];
  /** Σ of the lines' CNY: the commission base. */
  baseTotal: string;
  excluded: ExcludedLine[];
  slices: BracketSlice[];
  /** What the slices, each rounded to the fen, miss of the bracket amount (rounded once, SPEC §5). */
  rounding: string;
  bonusPerCustomer: string;
  newCustomers: NewCustomerLine[];
  commission: CommissionResult;
};

export type StatementInput = {
  salesperson: string;
  name: string;
  quarter: string;
  base: CommissionBase;
  plan: CommissionPlan;
  lines: StatementLine[];
  excluded: ExcludedLine[];
  newCustomers: NewCustomerLine[];
};

/**
 * The bracket arithmetic slice by slice (SPEC §5): progressive takes each slice of the base at
 * its own bracket's rate; whole takes the whole base at the rate of the bracket it falls in.
 * A base ≤ 0 has no slices. Each slice's commission is rounded only for display.
 */
export function bracketSlices(plan: Pick<CommissionPlan, 'mode' | 'brackets'>, base: Dec): BracketSlice[] {
  if (base.lte(0) || plan.brackets.length === 0) return [];
  if (plan.mode === 'whole') {
    const index = plan.brackets.findIndex((b) => b.upTo === null || base.lte(b.upTo));
    const at = index < 0 ? plan.brackets.length - 1 : index;
    const bracket = plan.brackets[at] as Bracket;
    const from = at === 0 ? '0.00' : fixed2(dec(plan.brackets[at - 1]?.upTo ?? '0'));
    return [slice(from, bracket, base)];
  }
  const slices: BracketSlice[] = [];
  let lower = new Dec(0);
  for (const bracket of plan.brackets) {
    const upper = bracket.upTo === null ? base : Dec.min(base, bracket.upTo);
    if (upper.gt(lower)) slices.push(slice(fixed2(lower), bracket, upper.minus(lower)));
    if (bracket.upTo === null || base.lte(bracket.upTo)) break;
    lower = new Dec(bracket.upTo);
  }
  return slices;
}

function slice(from: string, bracket: Bracket, amount: Dec): BracketSlice {
  return {
    from,
    to: bracket.upTo === null ? null : fixed2(dec(bracket.upTo)),
    rate: bracket.rate,
    amount: fixed2(amount),
    commission: fixed2(amount.times(bracket.rate)),
  };
}

/**
 * Builds the statement from the lines that make up the base. The commission is computed by the
 * same engine function as the appraisal, so the statement and 薪酬 cannot disagree; the caller
 * checks the base against the appraisal's (a difference means the lines are not the whole base).
 */
export function buildCommissionStatement(input: StatementInput): CommissionStatement {
  const baseTotal = sumMoney(input.lines.map((line) => line.cny));
  const commission = computeCommission(input.plan, baseTotal, input.newCustomers.length);
  const slices = bracketSlices(input.plan, baseTotal);
  const sliceSum = slices.reduce((sum, s) => sum.plus(s.commission), new Dec(0));
  return {
    salesperson: input.salesperson,
    name: input.name,
    quarter: input.quarter,
    base: input.base,
    mode: input.plan.mode,
    lines: input.lines,
    baseTotal: fixed2(baseTotal),
    excluded: input.excluded,
    slices,
    rounding: fixed2(round2(dec(commission.bracketAmount)).minus(sliceSum)),
    bonusPerCustomer: fixed2(dec(input.plan.newCustomerBonus)),
    newCustomers: input.newCustomers,
    commission,
  };
}
