import { isIsoDate } from '../../../shared/quarter';
import type { BundleDeal, BundleReceipt } from '../../../shared/schemas/bundle';

/*
 * Deals and receipts are a million records in a big bundle, and zod spends three times longer
 * on each than reading and writing it (66 s of a 213 s load). These check the plain shape that
 * nearly every record has, with the very rules of `dealSchema`/`receiptSchema` (fields.ts), and
 * give the same output; anything else — odd or wrong — returns null and goes to zod, so every
 * refusal is zod's, word for word. test/integration/bundleStream.test.ts holds the two together.
 */

const ENTITY_ID = /^\S{1,64}$/;
const CURRENCY = /^[A-Z]{3}$/;
const MONEY = /^[+-]?\d+(\.\d{0,2})?$/;
const RATE = /^\+?\d+(\.\d{0,6})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NON_ZERO = /[1-9]/;

/** Marks a value the fast path leaves to zod. */
const NO = Symbol('no');
type Maybe<T> = T | typeof NO;

const optionalText = (v: unknown): Maybe<string | null> => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return NO;
  const trimmed = v.trim();
  return trimmed === '' ? null : trimmed;
};
const entityId = (v: unknown): Maybe<string> => (typeof v === 'string' && ENTITY_ID.test(v) ? v : NO);
const optionalId = (v: unknown): Maybe<string | null> => (v === undefined || v === null ? null : entityId(v));
/** Dates repeat across a million records: each distinct one is checked once (a few thousand at most are kept). */
const validDates = new Set<string>();
const isoDate = (v: unknown): Maybe<string> => {
  if (typeof v !== 'string') return NO;
  if (validDates.has(v)) return v;
  if (!DATE.test(v) || !isIsoDate(v)) return NO;
  if (validDates.size < 100_000) validDates.add(v);
  return v;
};
const currency = (v: unknown): Maybe<string> => (typeof v === 'string' && CURRENCY.test(v) ? v : NO);
/** A decimal as text, or a JSON number turned into text (fields.ts `decimalField`). */
const decimal = (v: unknown, pattern: RegExp): Maybe<string> => {
  const text = typeof v === 'number' ? String(v) : v;
  return typeof text === 'string' && pattern.test(text) ? text : NO;
};
const isNegative = (v: string) => v.startsWith('-') && NON_ZERO.test(v);

/** The keys the fast path knows; a record with any other (receivables fields, say) goes to zod. */
const DEAL_KEYS = new Set(['id', 'contractNo', 'salesperson', 'customer', 'signedOn', 'currency', 'amount', 'status']);
const RECEIPT_KEYS = new Set([
  'ref',
  'valueDate',
  'currency',
  'amount',
  'rate',
  'cnyAmount',
  'remitter',
  'memo',
  'customer',
  'salesperson',
  'matchedOwner',
  'notCustomer',
  'batch',
  'fingerprint',
]);
const onlyKeys = (r: Record<string, unknown>, keys: ReadonlySet<string>) => {
  for (const k in r) if (!keys.has(k)) return false;
  return true;
};
/** Amounts of eleven or more whole digits may pass the money limit (fields.ts): zod decides. */
// Counted in place (a text MONEY has matched): a replace and a split per amount were most of the fast path's time.
const large = (v: string | null) => {
  if (v === null) return false;
  const signed = v.startsWith('-') || v.startsWith('+') ? 1 : 0;
  const dot = v.indexOf('.');
  return (dot < 0 ? v.length : dot) - signed > 10;
};

export function fastDeal(v: unknown): BundleDeal | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const r = v as Record<string, unknown>;
  if (!onlyKeys(r, DEAL_KEYS)) return null;
  const id = entityId(r.id);
  const contractNo = optionalText(r.contractNo);
  const salesperson = entityId(r.salesperson);
  const customer = optionalId(r.customer);
  const signedOn = isoDate(r.signedOn);
  const cur = currency(r.currency);
  const amount = decimal(r.amount, MONEY);
  const status = r.status === undefined ? 'active' : r.status === 'active' || r.status === 'cancelled' ? r.status : NO;
  if (id === NO || contractNo === NO || salesperson === NO || customer === NO || signedOn === NO || cur === NO || amount === NO || status === NO) return null;
  if (!NON_ZERO.test(amount) || isNegative(amount) || large(amount)) return null;
  return {
    id,
    contractNo,
    salesperson,
    customer,
    signedOn,
    currency: cur,
    amount,
    status,
    terms: null,
    shippedOn: null,
    openingBalance: null,
    openingDue: null,
  };
}

export function fastReceipt(v: unknown): BundleReceipt | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const r = v as Record<string, unknown>;
  if (!onlyKeys(r, RECEIPT_KEYS)) return null;
  const ref = optionalText(r.ref);
  const valueDate = isoDate(r.valueDate);
  const cur = currency(r.currency);
  const amount = decimal(r.amount, MONEY);
  const rate = r.rate === undefined || r.rate === null ? null : decimal(r.rate, RATE);
  const cnyAmount = r.cnyAmount === undefined || r.cnyAmount === null ? null : decimal(r.cnyAmount, MONEY);
  const remitter = optionalText(r.remitter);
  const memo = optionalText(r.memo);
  const customer = optionalId(r.customer);
  const salesperson = optionalId(r.salesperson);
  const matchedOwner = optionalId(r.matchedOwner);
  const notCustomer = r.notCustomer === undefined ? false : typeof r.notCustomer === 'boolean' ? r.notCustomer : NO;
  const batch = r.batch === undefined || r.batch === null ? null : Number.isSafeInteger(r.batch) && (r.batch as number) > 0 ? (r.batch as number) : NO;
  const fingerprint = optionalText(r.fingerprint);
  if (
    ref === NO ||
    valueDate === NO ||
    cur === NO ||
    amount === NO ||
    rate === NO ||
    cnyAmount === NO ||
    remitter === NO ||
    memo === NO ||
    customer === NO ||
    salesperson === NO ||
    matchedOwner === NO ||
    notCustomer === NO ||
    batch === NO ||
    fingerprint === NO
  ) {
    return null;
  }
  if (!NON_ZERO.test(amount) || (rate !== null && !NON_ZERO.test(rate)) || large(amount) || large(cnyAmount)) return null;
  return {
    ref,
    valueDate,
    currency: cur,
    amount,
    rate,
    cnyAmount,
    rateQuotedPer: null,
    remitter,
    memo,
    customer,
    salesperson,
    matchedOwner,
    notCustomer,
    batch,
    fingerprint,
    deal: null,
  };
}
