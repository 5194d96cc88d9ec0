import type { DealStatus } from '../../../shared/domain';
import { fenToText, toFen } from '../../../shared/money';
import { quarterRange } from '../../../shared/quarter';
import { DEAL_CNY, DEAL_RATE_JOIN } from '../cnySql';
import type { ReadDb, WriteDb } from '../handles';
import { decodeKey, encodeKey } from '../keyset';
import { preparedRead, preparedWrite } from '../statements';
import type { Deal, DealView, Page } from '../../../shared/entities';

type DealRow = {
  id: string;
  contract_no: string | null;
  salesperson_id: string;
  customer_id: string | null;
  signed_on: string;
  currency: string;
  amount_fen: number;
  status: DealStatus;
  terms_id: string | null;
  shipped_on: string | null;
  opening_balance_fen: number | null;
  opening_due: string | null;
  cny_fen?: number | null;
};

function toDeal(row: DealRow): Deal {
  return {
    id: row.id,
    contractNo: row.contract_no,
    salesperson: row.salesperson_id,
    customer: row.customer_id,
    signedOn: row.signed_on,
    currency: row.currency,
    amount: fenToText(row.amount_fen),
    status: row.status,
    terms: row.terms_id,
    shippedOn: row.shipped_on,
    openingBalance: row.opening_balance_fen === null ? null : fenToText(row.opening_balance_fen),
    openingDue: row.opening_due,
  };
}

export type DealQuery = { quarter?: string; salesperson?: string; offset: number; limit: number; after?: string | undefined };

function dealFilter(query: { quarter?: string; salesperson?: string }): { where: string; params: Record<string, string> } {
  const range = query.quarter ? quarterRange(query.quarter) : null;
  const clauses = [range ? 'd.signed_on BETWEEN @from AND @to' : '', query.salesperson ? 'd.salesperson_id = @sp' : ''].filter(Boolean);
  return {
    where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    params: { ...(range ?? {}), ...(query.salesperson ? { sp: query.salesperson } : {}) },
  };
}

/** Deals in signing order, a page at a time: after `query.after` (keyset), else from `offset`. */
export function listDeals(db: ReadDb, query: DealQuery): Page<DealView> {
  const { where, params } = dealFilter(query);
  const total = (preparedRead(db, `SELECT count(*) AS n FROM deals d ${where}`).get(params) as { n: number }).n;
  const after = query.after === undefined ? null : decodeKey(query.after, ['string', 'string'] as const);
  const rows = (
    after
      ? preparedRead(
          db,
          `SELECT d.*, ${DEAL_CNY} AS cny_fen FROM deals d ${DEAL_RATE_JOIN} ${where ? `${where} AND` : 'WHERE'} (d.signed_on, d.id) > (@afterDate, @afterId)
           ORDER BY d.signed_on, d.id LIMIT @limit`,
        ).all({ ...params, afterDate: after[0], afterId: after[1], limit: query.limit })
      : preparedRead(
          db,
          `SELECT d.*, ${DEAL_CNY} AS cny_fen FROM deals d ${DEAL_RATE_JOIN} ${where} ORDER BY d.signed_on, d.id LIMIT @limit OFFSET @offset`,
        ).all({
          ...params,
          limit: query.limit,
          offset: query.offset,
        })
  ) as DealRow[];
  const views = rows.map((row) => ({ ...toDeal(row), cny: row.cny_fen === null || row.cny_fen === undefined ? null : fenToText(row.cny_fen) }));
  const last = rows.length === query.limit ? rows[rows.length - 1] : undefined;
  return { rows: views, total, offset: query.offset, limit: query.limit, next: last ? encodeKey([last.signed_on, last.id]) : null };
}

export function allDeals(db: ReadDb): Deal[] {
  return (preparedRead(db, 'SELECT * FROM deals d ORDER BY rowid').all() as DealRow[]).map(toDeal);
}

export function getDeal(db: ReadDb, id: string): Deal | null {
  const row = preparedRead(db, 'SELECT * FROM deals WHERE id = ?').get(id) as DealRow | undefined;
  return row ? toDeal(row) : null;
}

function params(d: Deal): unknown[] {
  return [
    d.contractNo,
    d.salesperson,
    d.customer,
    d.signedOn,
    d.currency,
    toFen(d.amount),
    d.status,
    d.terms,
    d.shippedOn,
    d.openingBalance === null ? null : toFen(d.openingBalance),
    d.openingDue,
    d.id,
  ];
}

export function insertDeal(db: WriteDb, d: Deal): void {
  preparedWrite(
    db,
    `INSERT INTO deals (contract_no, salesperson_id, customer_id, signed_on, currency, amount_fen, status, terms_id, shipped_on, opening_balance_fen, opening_due, id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...params(d));
}

export function updateDeal(db: WriteDb, d: Deal): boolean {
  return (
    preparedWrite(
      db,
      `UPDATE deals SET contract_no = ?, salesperson_id = ?, customer_id = ?, signed_on = ?, currency = ?, amount_fen = ?, status = ?,
       terms_id = ?, shipped_on = ?, opening_balance_fen = ?, opening_due = ? WHERE id = ?`,
    ).run(...params(d)).changes > 0
  );
}

export function deleteDeal(db: WriteDb, id: string): boolean {
  return preparedWrite(db, 'DELETE FROM deals WHERE id = ?').run(id).changes > 0;
}

/** The salesperson a deal counts for, or null when there is no such deal. */
export function dealSalesperson(db: ReadDb, id: string): { salesperson: string } | null {
  return (preparedRead(db, 'SELECT salesperson_id AS salesperson FROM deals WHERE id = ?').get(id) as { salesperson: string } | undefined) ?? null;
}

/** Every payment-terms id a customer or a deal uses. */
export function termsInUse(db: ReadDb): string[] {
  return preparedRead(db, 'SELECT terms_id AS id FROM customers WHERE terms_id IS NOT NULL UNION SELECT terms_id FROM deals WHERE terms_id IS NOT NULL')
    .pluck()
    .all() as string[];
}
