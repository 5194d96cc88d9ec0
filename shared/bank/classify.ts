import type { MessageKey, MessageParams } from '../i18n/messages';
import { normalizePayerName } from '../matching/payerName';
import { decideRate, type RateDecision } from './rateDecision';
import { withRateDecisions } from './decidedRows';
import type { BankRow, RowOutcome, SkipReason } from './statementRows';

/** What classifying a statement needs to know about the company's data. */
export type ImportContext = {
  companyKey: string;
  customerOf(name: string | null): { id: string; owner: string | null } | null;
  tableRate(month: string, currency: string): string | null;
  /** Which of these bank references and fingerprints the database already holds. */
  storedAmong(references: readonly string[], fingerprints: readonly string[]): Set<string>;
  /**
   * The approved appraisal a receipt of `date` credited to `owner` would change, as message
   * params (name, salesperson, quarter), or null: such a row is held back (SPEC §8).
   */
  lockedFor?(owner: string | null, date: string): MessageParams | null;
  /**
   * Rows the user is importing in the same go from files before this one, by duplicate key →
   * file name: the commit stores those files first, so such a row is a duplicate here too.
   */
  pending?: ReadonlyMap<string, string>;
};

/** The key a stored receipt is recognised by when the same row comes again: its bank reference, else its fingerprint. */
export function duplicateKey(ref: string | null, fingerprint: string | null): string {
  return ref ?? fingerprint ?? '';
}

export type PlannedReceipt = {
  /** The amount and the bank's CNY amount in fen, as they are stored. */
  amountFen: number;
  cnyFen: number | null;
  ref: string | null;
  fingerprint: string | null;
  valueDate: string;
  currency: string;
  /** Per ONE unit, decided; and in millionths, as stored. */
  rate: string | null;
  rateMicro: number | null;
  /** How the bank quoted the rate (SPEC §10: Chinese banks quote per 100 units). */
  quotedPer: 1 | 100 | null;
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
  /** Signed, in fen (the UI writes it as money). */
  amountFen: number | null;
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

/** Remembers a pure function's answers: a statement repeats the same names and rates. */
function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) answers.set(key, (answer = compute(key)));
    return answer as T;
  };
}

const NO_PARAMS: MessageParams = Object.freeze({});
const NO_RATE: RateDecision = Object.freeze({ kind: 'none' });

function plan(row: number, fate: Fate, reason: MessageKey | null = null, params: MessageParams = NO_PARAMS, from?: BankRow): RowPlan {
  return {
    row,
    fate,
    reason,
    params,
    valueDate: from?.valueDate ?? null,
    currency: from?.currency ?? null,
    amountFen: from?.amountFen ?? null,
    counterparty: from?.counterparty ?? null,
    refund: false,
    rateWritten: null,
    quotedPer: null,
    receipt: null,
  };
}

/** Why money out is not a receipt, or null when it is a refund to a known customer. */
function outgoingSkip(row: BankRow, name: string, ctx: ImportContext): MessageKey | null {
  if (ctx.customerOf(row.counterparty)) return null;
  if (name !== '' && name === ctx.companyKey) return 'skip.internal';
  if (FEE.test(row.memo ?? '') || FEE.test(row.counterparty ?? '') || /银行/.test(row.counterparty ?? '')) return 'skip.fee';
  return 'skip.outgoing';
}

/**
 * Decides every row's fate: new receipts (refunds negative), duplicates by reference or by
 * fingerprint and occurrence, skipped rows with why, rejected rows with why, and rows whose
 * rate needs the user. `decisions` answer those; without one such a row is rejected when
 * `final` (the commit) and flagged in a preview.
 */
export function classifyStatement(given: readonly RowOutcome[], ctx: ImportContext, decisions: RateDecisions = {}, final = false): RowPlan[] {
  const plans: RowPlan[] = [];
  classifyEach(given, ctx, decisions, final, (p) => plans.push(p));
  return plans;
}

/**
 * `classifyStatement` handing each row's plan to `each` in row order, so that a commit can count
 * and store the plans as they come instead of keeping one per row of the file (issue 8.6: a
 * 200,000-row statement's plans and receipts cost as much memory as reading it).
 */
export function classifyEach(given: readonly RowOutcome[], ctx: ImportContext, decisions: RateDecisions, final: boolean, each: (plan: RowPlan) => void): void {
  // The reader decides rates; rows that come without decisions get them on copies, never in place.
  const outcomes = given.some((o) => o.kind === 'row' && o.value.decision === undefined) ? withRateDecisions(given, ctx.tableRate) : given;
  const keyOf = remembered(normalizePayerName);
  // The user's answer for a row the reader could not decide.
  const rateOf = (r: BankRow, given: 1 | 100 | undefined): RateDecision =>
    given !== undefined && r.decision?.kind === 'undecided' && r.rate !== null
      ? decideRate(r.currency, r.rate, { amountFen: r.amountFen, cnyFen: null, tableRate: null }, given)
      : (r.decision ?? NO_RATE);

  const sorted = sortRows(outcomes, ctx, keyOf);
  const references: string[] = [];
  const fingerprints: string[] = [];
  for (const s of sorted) {
    if (s.kind !== 'receipt') continue;
    if (s.row.reference !== null) references.push(s.row.reference);
    else if (s.fingerprint !== null) fingerprints.push(s.fingerprint);
  }
  const stored = ctx.storedAmong(references, fingerprints);
  const seen = new Set<string>();
  for (const s of sorted) {
    if (s.kind !== 'receipt') each(s.plan);
    else {
      const key = duplicateKey(s.row.reference, s.fingerprint);
      const earlier = ctx.pending?.get(key);
      if (seen.has(key) || stored.has(key)) each(plan(s.row.row, 'duplicate', null, NO_PARAMS, s.row));
      else if (earlier !== undefined) each(plan(s.row.row, 'duplicate', 'dup.stagedFile', { file: earlier }, s.row));
      else {
        seen.add(key);
        each(receiptPlan(s.row, ctx, s.fingerprint, rateOf(s.row, decisions[s.row.row]), final));
      }
    }
  }
}

type Sorted = { kind: 'done'; plan: RowPlan } | { kind: 'receipt'; row: BankRow; fingerprint: string | null };

const SKIP_KEYS: Record<SkipReason, MessageKey> = { total: 'skip.total', footer: 'skip.footer', header: 'skip.header' };

/**
 * First pass: rows that cannot be receipts get their plan; the others their identity, the bank
 * reference or else a fingerprint with its occurrence in the file, so that the database is
 * asked about all of them at once.
 *
 * The fingerprint (stored in receipts.fingerprint, the duplicate check of rows without a bank
 * reference) is built from `normalizePayerName` of the counterparty (shared/matching/payerName.ts):
 * changing that normalisation changes the fingerprints of files already imported, and their
 * re-import would then add every such row again.
 */
function sortRows(outcomes: readonly RowOutcome[], ctx: ImportContext, keyOf: (name: string) => string): Sorted[] {
  const occurrences = new Map<string, number>();
  return outcomes.map((outcome): Sorted => {
    if (outcome.kind === 'reject') return { kind: 'done', plan: plan(outcome.row, 'rejected', outcome.reason, outcome.params) };
    if (outcome.kind === 'skip') return { kind: 'done', plan: plan(outcome.row, 'skipped', SKIP_KEYS[outcome.reason]) };
    const r = outcome.value;
    const name = keyOf(r.counterparty ?? '');
    if (r.direction === 'in' && name !== '' && name === ctx.companyKey) return { kind: 'done', plan: plan(r.row, 'skipped', 'skip.internal', NO_PARAMS, r) };
    const why = r.direction === 'out' ? outgoingSkip(r, name, ctx) : null;
    if (why) return { kind: 'done', plan: plan(r.row, 'skipped', why, NO_PARAMS, r) };
    if (r.reference !== null) return { kind: 'receipt', row: r, fingerprint: null };
    const base = `${r.valueDate}|${r.currency}|${r.amountFen}|${name}|${r.memo ?? ''}`;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    return { kind: 'receipt', row: r, fingerprint: `${base}#${n}` };
  });
}

function receiptPlan(r: BankRow, ctx: ImportContext, fingerprint: string | null, decision: RateDecision, final: boolean): RowPlan {
  const result = plan(r.row, 'new', null, NO_PARAMS, r);
  result.refund = r.direction === 'out';
  if (decision.kind === 'undecided') {
    result.fate = final ? 'rejected' : 'flagged';
    result.reason = 'bank.rateUndecided';
    result.params = { rate: decision.written, month: r.valueDate.slice(0, 7), currency: r.currency };
    result.rateWritten = decision.written;
    return result;
  }
  const customer = ctx.customerOf(r.counterparty);
  // A row that would change an approved appraisal is held back, naming it (SPEC §8).
  const locked = customer ? (ctx.lockedFor?.(customer.owner, r.valueDate) ?? null) : null;
  if (locked) {
    result.fate = 'skipped';
    result.reason = 'skip.approvedQuarter';
    result.params = locked;
    return result;
  }
  if (decision.kind === 'rate') {
    result.quotedPer = decision.quotedPer;
    if (decision.quotedPer === 100) result.rateWritten = r.rate;
  }
  result.receipt = {
    amountFen: r.amountFen,
    cnyFen: r.cnyFen,
    ref: r.reference,
    fingerprint,
    valueDate: r.valueDate,
    currency: r.currency,
    rate: decision.kind === 'rate' ? decision.perUnit : null,
    rateMicro: decision.kind === 'rate' ? decision.perUnitMicro : null,
    quotedPer: decision.kind === 'rate' ? decision.quotedPer : null,
    remitter: r.counterparty,
    memo: r.memo,
    customer: customer?.id ?? null,
    matchedOwner: customer?.owner ?? null,
  };
  return result;
}
