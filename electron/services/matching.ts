import { normalizePayerName } from '../../shared/matching/payerName';
import type { ReadDb } from '../db/handles';
import { customersByNameKey, customersNamed, ownerOf } from '../db/repositories/customers';

export type MatchedCustomer = { id: string; owner: string | null };

const QUERIES_BEFORE_INDEX = 200;

/**
 * Finds the customer a payer name belongs to (SPEC §10): the one customer whose name or an alias
 * normalises alike, or none when no customer or several do. Answers are remembered per name and
 * per normalised key, because a statement or a bundle repeats the same few payers many times;
 * make a new matcher after customers change.
 */
export function payerMatcher(db: ReadDb): (remitter: string | null) => MatchedCustomer | null {
  const byKey = new Map<string, MatchedCustomer | null>();
  const byName = new Map<string, MatchedCustomer | null>();
  // A few names are looked up one query each; past that (a bundle, a big statement) every
  // customer's keys are read at once, which is cheaper than thousands of queries.
  let index: Map<string, MatchedCustomer[]> | null = null;
  const lookup = (key: string) => {
    if (!byKey.has(key)) {
      if (!index && byKey.size >= QUERIES_BEFORE_INDEX) index = customersByNameKey(db);
      const found = index ? (index.get(key) ?? []) : customersNamed(db, key);
      byKey.set(key, found.length === 1 ? (found[0] ?? null) : null);
    }
    return byKey.get(key) ?? null;
  };
  return (remitter) => {
    if (!remitter) return null;
    if (!byName.has(remitter)) byName.set(remitter, lookup(normalizePayerName(remitter)));
    return byName.get(remitter) ?? null;
  };
}

/** The customer a payer name belongs to, when exactly one customer's name or alias matches it. */
export function matchPayer(db: ReadDb, remitter: string | null): string | null {
  return payerMatcher(db)(remitter)?.id ?? null;
}

type Attributable = { customer: string | null; remitter: string | null; notCustomer: boolean; matchedOwner: string | null };

/**
 * Fills in the customer from the payer's name when none is given, and records the customer's
 * owner at this moment: SPEC §3 credits a receipt to the owner at the time it was matched.
 */
export function attributeReceipt<T extends Attributable>(db: ReadDb, receipt: T, previous?: Attributable): T {
  if (receipt.notCustomer) return { ...receipt, matchedOwner: receipt.customer ? (receipt.matchedOwner ?? ownerOf(db, receipt.customer)) : null };
  const customer = receipt.customer ?? matchPayer(db, receipt.remitter);
  if (!customer) return { ...receipt, customer: null, matchedOwner: null };
  const unchanged = previous?.customer === customer;
  const matchedOwner = receipt.matchedOwner ?? (unchanged ? previous.matchedOwner : ownerOf(db, customer));
  return { ...receipt, customer, matchedOwner };
}
