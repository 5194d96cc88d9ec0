import type { Db } from '../db/connection';
import { customersNamed, ownerOf } from '../db/repositories/customers';

/** The customer a payer name belongs to, when exactly one customer's name or alias matches it. */
export function matchPayer(db: Db, remitter: string | null): string | null {
  if (!remitter) return null;
  const matches = customersNamed(db, remitter);
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}

type Attributable = { customer: string | null; remitter: string | null; notCustomer: boolean; matchedOwner: string | null };

/**
 * Fills in the customer from the payer's name when none is given, and records the customer's
 * owner at this moment: SPEC §3 credits a receipt to the owner at the time it was matched.
 */
export function attributeReceipt<T extends Attributable>(db: Db, receipt: T, previous?: Attributable): T {
  if (receipt.notCustomer) return { ...receipt, matchedOwner: receipt.customer ? (receipt.matchedOwner ?? ownerOf(db, receipt.customer)) : null };
  const customer = receipt.customer ?? matchPayer(db, receipt.remitter);
  if (!customer) return { ...receipt, customer: null, matchedOwner: null };
  const unchanged = previous?.customer === customer;
  const matchedOwner = receipt.matchedOwner ?? (unchanged ? previous.matchedOwner : ownerOf(db, customer));
  return { ...receipt, customer, matchedOwner };
}
