import { DomainError } from '../../../shared/api/errors';
import { normalizePayerName } from '../../../shared/matching/payerName';
import type { PayerGroup } from '../../../shared/api/contract';
import { suggestCustomers } from '../../../shared/matching/similarity';
import { fenToText } from '../../../shared/money';
import { RECEIPT_CNY } from '../../db/cnySql';
import type { Db } from '../../db/connection';
import { allCustomers, getCustomer, ownerOf, updateCustomer } from '../../db/repositories/customers';
import { prepared } from '../../db/statements';
import { assertUnlocked } from '../appraisalLock';


type Unmatched = { id: number; remitter: string | null; value_date: string; cny_fen: number | null };

function unmatchedReceipts(db: Db): Unmatched[] {
  return prepared(
    db,
    `SELECT r.id, r.remitter, r.value_date, ${RECEIPT_CNY} AS cny_fen FROM receipts r
     WHERE r.customer_id IS NULL AND r.manual_salesperson_id IS NULL AND r.not_customer = 0 ORDER BY r.value_date`,
  ).all() as Unmatched[];
}

/** The unmatched-payers queue: one entry per payer, the largest sums first. */
export function unmatchedPayers(db: Db): PayerGroup[] {
  const groups = new Map<string, { payer: string; ids: number[]; fen: number; first: string; last: string }>();
  for (const r of unmatchedReceipts(db)) {
    const key = normalizePayerName(r.remitter ?? '');
    const group = groups.get(key) ?? { payer: r.remitter ?? '', ids: [], fen: 0, first: r.value_date, last: r.value_date };
    group.ids.push(r.id);
    group.fen += r.cny_fen ?? 0;
    group.last = r.value_date;
    groups.set(key, group);
  }
  const customers = allCustomers(db);
  return [...groups.entries()]
    .map(([key, g]) => ({ payer: g.payer, key, count: g.ids.length, cny: fenToText(g.fen), firstDate: g.first, lastDate: g.last, suggestions: key ? suggestCustomers(g.payer, customers) : [] }))
    .sort((a, b) => Number(b.cny) - Number(a.cny));
}

/**
 * Assigns a payer to a customer (SPEC §10): the name becomes one of the customer's aliases,
 * and every unmatched receipt from that name is matched, credited to the owner today.
 */
export function assignPayer(db: Db, payer: string, customerId: string): { matched: number } {
  const customer = getCustomer(db, customerId);
  if (!customer) throw new DomainError('notFound.customer', { id: customerId }, { field: 'customer' });
  const key = normalizePayerName(payer);
  const unmatched = unmatchedReceipts(db).filter((r) => normalizePayerName(r.remitter ?? '') === key);
  const ids = unmatched.map((r) => r.id);
  if (ids.length === 0) throw new DomainError('payer.missing', { payer }, { field: 'payer' });
  const known = [customer.name, ...customer.aliases].some((n) => normalizePayerName(n) === key);
  if (!known) updateCustomer(db, { ...customer, aliases: [...customer.aliases, payer.trim()] });
  const owner = ownerOf(db, customerId);
  assertUnlocked(db, ...unmatched.filter((r) => ids.includes(r.id)).map((r) => ({ salesperson: owner, date: r.value_date })));
  const match = prepared(db, 'UPDATE receipts SET customer_id = ?, matched_owner_id = ? WHERE id = ?');
  for (const id of ids) match.run(customerId, owner, id);
  return { matched: ids.length };
}
