import { DomainError } from '../../../shared/api/errors';
import { normalizePayerName } from '../../../shared/matching/payerName';
import type { PayerGroup } from '../../../shared/api/contract';
import { suggestCustomers } from '../../../shared/matching/similarity';
import { fenToText } from '../../../shared/money';
import type { ReadDb, WriteDb } from '../../db/handles';
import { allCustomers, getCustomer, ownerOf, updateCustomer } from '../../db/repositories/customers';
import {
  matchedReceiptsById,
  matchedReceiptsOf,
  matchReceipts,
  unmatchedReceipts,
  unmatchReceipts,
  type MatchedReceipt,
} from '../../db/repositories/payerMatches';
import { approvedAmong } from '../../db/repositories/appraisals';
import {
  assignedReceipts,
  endAssignmentsOf,
  getAssignment,
  insertAssignment,
  listAssignments,
  markAssignmentUndone,
} from '../../db/repositories/payerAssignments';
import { getSalesperson } from '../../db/repositories/salespeople';
import type { Customer } from '../../../shared/entities';
import { quarterOfDate } from '../../../shared/quarter';
import { assertUnlocked } from '../appraisalLock';
import { payerMatcher } from '../matching';

type PayerSums = {
  payer: string;
  ids: number[];
  fen: number;
  first: string;
  last: string;
  /** Receipts without a CNY value (no table rate for their month): fen per currency, and the first month and currency. */
  missing: { count: number; byCurrency: Map<string, number>; month: string; currency: string } | null;
};

/**
 * The unmatched-payers queue: one entry per payer, the largest sums first. A receipt whose month
 * has no table rate adds nothing to the CNY sum: it is counted apart with its own amount, so
 * the queue never shows a false ¥0.00.
 */
export function unmatchedPayers(db: ReadDb): PayerGroup[] {
  const groups = new Map<string, PayerSums>();
  for (const r of unmatchedReceipts(db)) {
    const key = normalizePayerName(r.remitter ?? '');
    const group = groups.get(key) ?? { payer: r.remitter ?? '', ids: [], fen: 0, first: r.value_date, last: r.value_date, missing: null };
    group.ids.push(r.id);
    if (r.cny_fen === null) {
      const month = r.value_date.slice(0, 7);
      const missing = (group.missing ??= { count: 0, byCurrency: new Map(), month, currency: r.currency });
      missing.count++;
      missing.byCurrency.set(r.currency, (missing.byCurrency.get(r.currency) ?? 0) + r.amount_fen);
    } else group.fen += r.cny_fen;
    group.last = r.value_date;
    groups.set(key, group);
  }
  const customers = allCustomers(db);
  return [...groups.entries()]
    .map(([key, g]) => ({
      payer: g.payer,
      key,
      count: g.ids.length,
      cny: fenToText(g.fen),
      firstDate: g.first,
      lastDate: g.last,
      suggestions: key ? suggestCustomers(g.payer, customers) : [],
      ...(g.missing && {
        missingRate: {
          count: g.missing.count,
          amounts: [...g.missing.byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, fen]) => ({ currency, amount: fenToText(fen) })),
          month: g.missing.month,
          currency: g.missing.currency,
        },
      }),
    }))
    .sort((a, b) => Number(b.cny) - Number(a.cny));
}

/**
 * Assigns a payer to a customer (SPEC §10): the name becomes one of the customer's aliases,
 * and every unmatched receipt from that name is matched, credited to the owner today. The
 * assignment is recorded so that it can be undone as a whole.
 */
export function assignPayer(db: WriteDb, payer: string, customerId: string): { matched: number; assignment: number } {
  const customer = getCustomer(db, customerId);
  if (!customer) throw new DomainError('notFound.customer', { id: customerId }, { field: 'customer' });
  const key = normalizePayerName(payer);
  const unmatched = unmatchedReceipts(db).filter((r) => normalizePayerName(r.remitter ?? '') === key);
  const ids = unmatched.map((r) => r.id);
  if (ids.length === 0) throw new DomainError('payer.missing', { payer }, { field: 'payer' });
  const known = [customer.name, ...customer.aliases].some((n) => normalizePayerName(n) === key);
  if (!known) updateCustomer(db, { ...customer, aliases: [...customer.aliases, payer.trim()] });
  const owner = ownerOf(db, customerId);
  assertUnlocked(db, ...unmatched.map((r) => ({ salesperson: owner, date: r.value_date })));
  matchReceipts(db, ids, customerId, owner);
  const assignment = insertAssignment(db, { payerKey: key, payer: payer.trim(), customer: customerId, aliasAdded: !known, receipts: ids });
  return { matched: ids.length, assignment };
}

/** The customer's receipts whose payer normalises to one of `keys` (matched through those names). */
function receiptsMatchedBy(db: ReadDb, customerId: string, keys: ReadonlySet<string>): MatchedReceipt[] {
  if (keys.size === 0) return [];
  return matchedReceiptsOf(db, customerId).filter((r) => keys.has(normalizePayerName(r.remitter ?? '')));
}

/**
 * Makes receipts unmatched again. Refused, naming the appraisal, when one of them counts in an
 * approved appraisal (SPEC §8: what feeds an approved appraisal is read-only).
 */
function unassign(db: WriteDb, receipts: readonly MatchedReceipt[], refusal: (hit: { name: string; quarter: string }) => DomainError): number {
  const hit = approvedAmong(
    db,
    receipts.map((r) => ({ salesperson: r.salesperson, quarter: quarterOfDate(r.value_date) })),
  );
  if (hit) throw refusal({ name: getSalesperson(db, hit.salesperson)?.name ?? hit.salesperson, quarter: hit.quarter });
  unmatchReceipts(
    db,
    receipts.map((r) => r.id),
  );
  return receipts.length;
}

function keysOf(names: readonly string[]): Set<string> {
  return new Set(names.map(normalizePayerName).filter((k) => k !== ''));
}

/**
 * Takes an assignment back as a whole: the alias it added is removed and every receipt it
 * matched (and any matched later through that alias) is unassigned.
 */
export function undoAssignment(db: WriteDb, id: number): number {
  const assignment = getAssignment(db, id);
  if (!assignment) throw new DomainError('payerAssign.missing', { id });
  if (assignment.undoneAt) throw new DomainError('payerAssign.undone', { id, payer: assignment.payer });
  const customer = getCustomer(db, assignment.customer);
  if (!customer) throw new DomainError('notFound.customer', { id: assignment.customer });
  const remaining = customer.aliases.filter((a) => !assignment.aliasAdded || normalizePayerName(a) !== assignment.payerKey);
  const stillNamed = keysOf([customer.name, ...remaining]).has(assignment.payerKey);
  const viaAlias = assignment.aliasAdded && !stillNamed ? receiptsMatchedBy(db, customer.id, new Set([assignment.payerKey])) : [];
  const linked = matchedReceiptsById(db, assignedReceipts(db, id));
  const receipts = [...new Map([...linked, ...viaAlias].map((r) => [r.id, r])).values()];
  const count = unassign(db, receipts, (hit) => new DomainError('payerAssign.locked', { payer: assignment.payer, ...hit }));
  if (remaining.length !== customer.aliases.length) updateCustomer(db, { ...customer, aliases: remaining });
  markAssignmentUndone(db, id, new Date().toISOString());
  return count;
}

/**
 * After a customer's aliases change: receipts matched through an alias that is gone become
 * unmatched (same approved-appraisal rule as an undo), and unmatched receipts whose payer now
 * names this customer (its name or an alias, and no other customer) are matched to it.
 */
export function rematchCustomer(db: WriteDb, before: Customer | null, after: Customer): { unassigned: number; matched: number } {
  const now = keysOf([after.name, ...after.aliases]);
  const gone = new Set([...keysOf(before?.aliases ?? [])].filter((k) => !now.has(k)));
  const unassigned = before
    ? unassign(db, receiptsMatchedBy(db, after.id, gone), (hit) => new DomainError('alias.locked', { customer: after.name, ...hit }, { field: 'aliases' }))
    : 0;
  if (gone.size) endAssignmentsOf(db, after.id, gone, new Date().toISOString());
  const matcher = payerMatcher(db);
  const fresh = unmatchedReceipts(db).filter((r) => now.has(normalizePayerName(r.remitter ?? '')) && matcher(r.remitter)?.id === after.id);
  if (fresh.length === 0) return { unassigned, matched: 0 };
  const owner = ownerOf(db, after.id);
  assertUnlocked(db, ...fresh.map((r) => ({ salesperson: owner, date: r.value_date })));
  matchReceipts(
    db,
    fresh.map((r) => r.id),
    after.id,
    owner,
  );
  return { unassigned, matched: fresh.length };
}

export { listAssignments };
