import { RECEIPT_CNY, RECEIPT_OWNER } from '../cnySql';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

/** The receipts matching a payer to a customer works on (SPEC §10): who paid, when, and for whom. */
/** `cny_fen` is null when the receipt's month has no table rate (its CNY value is unknown, not zero). */
export type UnmatchedReceipt = { id: number; remitter: string | null; value_date: string; currency: string; amount_fen: number; cny_fen: number | null };
export type MatchedReceipt = { id: number; remitter: string | null; value_date: string; salesperson: string | null };

/** Receipts no customer, salesperson or 非客户 mark claims yet, oldest first, with their CNY value. */
export function unmatchedReceipts(db: ReadDb): UnmatchedReceipt[] {
  return preparedRead(
    db,
    `SELECT r.id, r.remitter, r.value_date, r.currency, r.amount_fen, ${RECEIPT_CNY} AS cny_fen FROM receipts r
     WHERE r.customer_id IS NULL AND r.manual_salesperson_id IS NULL AND r.not_customer = 0 ORDER BY r.value_date`,
  ).all() as UnmatchedReceipt[];
}

/** Matches each receipt to the customer, credited to `owner`. */
export function matchReceipts(db: WriteDb, ids: readonly number[], customerId: string, owner: string | null): void {
  const match = preparedWrite(db, 'UPDATE receipts SET customer_id = ?, matched_owner_id = ? WHERE id = ?');
  for (const id of ids) match.run(customerId, owner, id);
}

/** Makes each receipt unmatched again. */
export function unmatchReceipts(db: WriteDb, ids: readonly number[]): void {
  const clear = preparedWrite(db, 'UPDATE receipts SET customer_id = NULL, matched_owner_id = NULL WHERE id = ?');
  for (const id of ids) clear.run(id);
}

/** The receipts of `ids` that still exist, with the salesperson each counts for. */
export function matchedReceiptsById(db: ReadDb, ids: readonly number[]): MatchedReceipt[] {
  const get = preparedRead(db, `SELECT r.id, r.remitter, r.value_date, ${RECEIPT_OWNER} AS salesperson FROM receipts r WHERE r.id = ?`);
  return ids.flatMap((id) => (get.get(id) as MatchedReceipt | undefined) ?? []);
}

/** The customer's customer receipts (not 非客户), with the salesperson each counts for. */
export function matchedReceiptsOf(db: ReadDb, customerId: string): MatchedReceipt[] {
  return preparedRead(
    db,
    `SELECT r.id, r.remitter, r.value_date, ${RECEIPT_OWNER} AS salesperson FROM receipts r WHERE r.customer_id = ? AND r.not_customer = 0`,
  ).all(customerId) as MatchedReceipt[];
}
