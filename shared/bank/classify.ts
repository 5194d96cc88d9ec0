import type { MessageKey, MessageParams } from '../i18n/messages';
import { normalizePayerName } from '../matching/payerName';
import { fenToText } from '../money';
import { decideRate, quotedPer } from './rateDecision';
import type { BankRow, RowOutcome } from './statementRows';

/** What classifying a statement needs to know about the company's data. */
export type ImportContext = {
  companyKey: string;
  customerOf(name: string | null): { id: string; owner: string | null } | null;
  tableRate(month: string, currency: string): string | null;
  isStored(reference: string | null, fingerprint: string | null): boolean;
};

export type PlannedReceipt = {
  ref: string | null;
  fingerprint: string | null;
  valueDate: string;
  currency: string;
  amount: string;
  rate: string | null;
  cnyAmount: string | null;
  remitter: string | null;
  memo: string | null;
  customer: string | null;
  matchedOwner: string | null;
};

export type Fate = 'new' | 'duplicate' | 'skipped' | 'rejected' | 'flagged';

/** What one row of a statement will become (SPEC §10), for the preview and the report. */
export type RowPlan = {
  row: number;
  fate: Fate;
  reason: MessageKey | null;
  params: MessageParams;
  valueDate: string | null;
  currency: string | null;
  amount: string | null;
  counterparty: string | null;
  refund: boolean;
  /** The rate as written, when it was divided by 100 or could not be decided. */
  rateWritten: string | null;
  quotedPer: 1 | 100 | null;
  receipt: PlannedReceipt | null;
};

/** The user's answer for rows whose rate could not be decided: per 1 or per 100 units. */
export type RateDecisions = Record<number, 1 | 100>;

const FEE = /手续费|电讯费|收费|费用|邮电费|charge|fee|commission/i;

function plan(row: number, fate: Fate, reason: MessageKey | null = null, params: MessageParams = {}, from?: BankRow): RowPlan {
  return {
    row,
    fate,
    reason,
    params,
    valueDate: from?.valueDate ?? null,
    currency: from?.currency ?? null,
    amount: from ? fenToText(from.amountFen) : null,
    counterparty: from?.counterparty ?? null,
    refund: false,
    rateWritten: null,
    quotedPer: null,
    receipt: null,
  };
}

/** How the file quotes rates where its rows show it: all per 1, all per 100, or mixed (null). */
function fileQuotesPer(rows: readonly BankRow[], ctx: ImportContext): 1 | 100 | null {
  const seen = new Set<1 | 100>();
  for (const r of rows) {
    if (r.rate === null || r.currency === 'CNY' || Number(r.rate) === 1) continue;
    const per = quotedPer(r.rate, { amountFen: r.amountFen, cnyFen: r.cnyFen, tableRate: ctx.tableRate(r.valueDate.slice(0, 7), r.currency) });
    if (per !== null) seen.add(per);
  }
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

/** Why money out is not a receipt, or null when it is a refund to a known customer. */
function outgoingSkip(row: BankRow, ctx: ImportContext): MessageKey | null {
  if (ctx.customerOf(row.counterparty)) return null;
  if (row.counterparty && normalizePayerName(row.counterparty) === ctx.companyKey) return 'skip.internal';
  if (FEE.test(row.memo ?? '') || FEE.test(row.counterparty ?? '') || /银行/.test(row.counterparty ?? '')) return 'skip.fee';
  return 'skip.outgoing';
}

/**
 * Decides every row's fate: new receipts (refunds negative), duplicates by reference or by
 * fingerprint and occurrence, skipped rows with why, rejected rows with why, and rows whose
 * rate needs the user. `decisions` answer those; without one such a row is rejected when
 * `final` (the commit) and flagged in a preview.
 */
export function classifyStatement(outcomes: readonly RowOutcome[], ctx: ImportContext, decisions: RateDecisions = {}, final = false): RowPlan[] {
  const rows = outcomes.flatMap((o) => (o.kind === 'row' ? [o.value] : []));
  const hint = fileQuotesPer(rows, ctx);
  const seenKeys = new Set<string>();
  const occurrences = new Map<string, number>();
  return outcomes.map((outcome) => {
    if (outcome.kind === 'reject') return plan(outcome.row, 'rejected', outcome.reason, outcome.params);
    if (outcome.kind === 'skip') return plan(outcome.row, 'skipped', 'skip.total');
    const r = outcome.value;
    if (r.direction === 'in' && r.counterparty && normalizePayerName(r.counterparty) === ctx.companyKey) return plan(r.row, 'skipped', 'skip.internal', {}, r);
    if (r.direction === 'out') {
      const why = outgoingSkip(r, ctx);
      if (why) return plan(r.row, 'skipped', why, {}, r);
    }
    const base = [r.valueDate, r.currency, r.amountFen, normalizePayerName(r.counterparty ?? ''), r.memo ?? ''].join('|');
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    const fingerprint = r.reference === null ? `${base}#${n}` : null;
    const key = r.reference !== null ? `ref:${r.reference}` : `fp:${fingerprint}`;
    if (seenKeys.has(key) || ctx.isStored(r.reference, fingerprint)) return plan(r.row, 'duplicate', null, {}, r);
    seenKeys.add(key);
    return receiptPlan(r, ctx, fingerprint, hint, decisions, final);
  });
}

function receiptPlan(r: BankRow, ctx: ImportContext, fingerprint: string | null, hint: 1 | 100 | null, decisions: RateDecisions, final: boolean): RowPlan {
  const month = r.valueDate.slice(0, 7);
  const evidence = { amountFen: r.amountFen, cnyFen: r.cnyFen, tableRate: ctx.tableRate(month, r.currency) };
  const given = decisions[r.row];
  const decision = decideRate(r.currency, r.rate, evidence, given ?? hint);
  const result = plan(r.row, 'new', null, {}, r);
  result.refund = r.direction === 'out';
  if (decision.kind === 'undecided') {
    const params = { rate: decision.written, month, currency: r.currency };
    return { ...result, fate: final ? 'rejected' : 'flagged', reason: 'bank.rateUndecided', params, rateWritten: decision.written };
  }
  const customer = ctx.customerOf(r.counterparty);
  return {
    ...result,
    rateWritten: decision.kind === 'rate' && decision.quotedPer === 100 ? (r.rate ?? null) : null,
    quotedPer: decision.kind === 'rate' ? decision.quotedPer : null,
    receipt: {
      ref: r.reference,
      fingerprint,
      valueDate: r.valueDate,
      currency: r.currency,
      amount: fenToText(r.amountFen),
      rate: decision.kind === 'rate' ? decision.perUnit : null,
      cnyAmount: r.cnyFen === null ? null : fenToText(r.cnyFen),
      remitter: r.counterparty,
      memo: r.memo,
      customer: customer?.id ?? null,
      matchedOwner: customer?.owner ?? null,
    },
  };
}
