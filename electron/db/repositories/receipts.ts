import { fenToText, microToText, toFen, toMicro } from '../../../shared/money';
import { quarterRange } from '../../../shared/quarter';
import { RECEIPT_CNY, RECEIPT_ESTIMATED, RECEIPT_OWNER } from '../cnySql';
import type { ReadDb, WriteDb } from '../handles';
import { decodeKey, encodeKey } from '../keyset';
import { preparedRead, preparedWrite } from '../statements';
import { bumpRevisions } from '../receivableRevisions';
import type { PlannedReceipt } from '../../../shared/bank/classify';
import type { Page, Receipt, ReceiptView, StoredReceipt } from '../../../shared/entities';

type ReceiptRow = {
  id: number;
  ref: string | null;
  value_date: string;
  currency: string;
  amount_fen: number;
  rate_micro: number | null;
  bank_cny_fen: number | null;
  remitter: string | null;
  memo: string | null;
  customer_id: string | null;
  manual_salesperson_id: string | null;
  matched_owner_id: string | null;
  not_customer: number;
  batch_id: number | null;
  fingerprint: string | null;
  rate_quoted_per: 1 | 100 | null;
  deal_id: string | null;
};
type ReceiptViewRow = ReceiptRow & { cny_fen: number | null; estimated: number; credited_to: string | null };

function toReceipt(row: ReceiptRow): StoredReceipt {
  return {
    id: row.id,
    ref: row.ref,
    valueDate: row.value_date,
    currency: row.currency,
    amount: fenToText(row.amount_fen),
    rate: row.rate_micro === null ? null : microToText(row.rate_micro),
    cnyAmount: row.bank_cny_fen === null ? null : fenToText(row.bank_cny_fen),
    remitter: row.remitter,
    memo: row.memo,
    customer: row.customer_id,
    salesperson: row.manual_salesperson_id,
    matchedOwner: row.matched_owner_id,
    notCustomer: row.not_customer === 1,
    batchId: row.batch_id,
    fingerprint: row.fingerprint,
    rateQuotedPer: row.rate_quoted_per,
    deal: row.deal_id,
  };
}

function params(r: Receipt): unknown[] {
  return [
    r.ref,
    r.valueDate,
    r.currency,
    toFen(r.amount),
    r.rate === null ? null : toMicro(r.rate),
    r.cnyAmount === null ? null : toFen(r.cnyAmount),
    r.remitter,
    r.memo,
    r.customer,
    r.salesperson,
    r.matchedOwner,
    r.notCustomer ? 1 : 0,
    r.batchId,
    r.fingerprint,
    r.rateQuotedPer,
    r.deal,
  ];
}

const COLUMNS = `ref, value_date, currency, amount_fen, rate_micro, bank_cny_fen, remitter, memo, customer_id,
  manual_salesperson_id, matched_owner_id, not_customer, batch_id, fingerprint, rate_quoted_per, deal_id`;

// Built once: a bundle load inserts a million receipts through it.
const INSERT = `INSERT INTO receipts (${COLUMNS}) VALUES (${COLUMNS.split(',')
  .map(() => '?')
  .join(', ')})`;

export function insertReceipt(db: WriteDb, r: Receipt): number {
  const info = preparedWrite(db, INSERT).run(...params(r));
  return Number(info.lastInsertRowid);
}

/** Receipts from a bank statement, written as they were planned: the import's hot path. */
export function insertImportedReceipts(db: WriteDb, receipts: readonly PlannedReceipt[], batchId: number): void {
  const insert = preparedWrite(
    db,
    `INSERT INTO receipts (ref, fingerprint, value_date, currency, amount_fen, rate_micro, bank_cny_fen, remitter, memo, customer_id, matched_owner_id, batch_id, rate_quoted_per)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of receipts) {
    insert.run(
      r.ref,
      r.fingerprint,
      r.valueDate,
      r.currency,
      r.amountFen,
      r.rateMicro,
      r.cnyFen,
      r.remitter,
      r.memo,
      r.customer,
      r.matchedOwner,
      batchId,
      r.quotedPer,
    );
  }
  // Receipts of a batch fire no revision trigger (migration 014): their customers are bumped here, once each.
  bumpRevisions(db, new Set(receipts.flatMap((r) => (r.customer === null ? [] : [r.customer]))));
}

export function updateReceipt(db: WriteDb, id: number, r: Receipt): boolean {
  const sets = COLUMNS.split(',')
    .map((c) => `${c.trim()} = ?`)
    .join(', ');
  return preparedWrite(db, `UPDATE receipts SET ${sets} WHERE id = ?`).run(...params(r), id).changes > 0;
}

export function getReceipt(db: ReadDb, id: number): StoredReceipt | null {
  const row = preparedRead(db, 'SELECT * FROM receipts WHERE id = ?').get(id) as ReceiptRow | undefined;
  return row ? toReceipt(row) : null;
}

export function deleteReceipt(db: WriteDb, id: number): boolean {
  return preparedWrite(db, 'DELETE FROM receipts WHERE id = ?').run(id).changes > 0;
}

export function allReceipts(db: ReadDb): StoredReceipt[] {
  return (preparedRead(db, 'SELECT * FROM receipts ORDER BY id').all() as ReceiptRow[]).map(toReceipt);
}

export type ReceiptQuery = { quarter?: string; salesperson?: string; unmatched?: boolean; offset: number; limit: number; after?: string | undefined };

export function listReceipts(db: ReadDb, query: ReceiptQuery): Page<ReceiptView> {
  const range = query.quarter ? quarterRange(query.quarter) : null;
  const clauses = [
    range ? 'r.value_date BETWEEN @from AND @to' : '',
    query.salesperson ? `${RECEIPT_OWNER} = @sp` : '',
    query.unmatched ? 'r.customer_id IS NULL AND r.manual_salesperson_id IS NULL AND r.not_customer = 0' : '',
  ].filter(Boolean);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const params = { ...(range ?? {}), ...(query.salesperson ? { sp: query.salesperson } : {}) };
  const total = (preparedRead(db, `SELECT count(*) AS n FROM receipts r ${where}`).get(params) as { n: number }).n;
  // After `query.after` (keyset: the next page starts where the last ended), else from `offset`.
  const after = query.after === undefined ? null : decodeKey(query.after, ['string', 'number'] as const);
  const select = `SELECT r.*, ${RECEIPT_CNY} AS cny_fen, ${RECEIPT_ESTIMATED} AS estimated, ${RECEIPT_OWNER} AS credited_to FROM receipts r`;
  const rows = (
    after
      ? preparedRead(
          db,
          `${select} ${where ? `${where} AND` : 'WHERE'} (r.value_date, r.id) > (@afterDate, @afterId) ORDER BY r.value_date, r.id LIMIT @limit`,
        ).all({
          ...params,
          afterDate: after[0],
          afterId: after[1],
          limit: query.limit,
        })
      : preparedRead(db, `${select} ${where} ORDER BY r.value_date, r.id LIMIT @limit OFFSET @offset`).all({
          ...params,
          limit: query.limit,
          offset: query.offset,
        })
  ) as ReceiptViewRow[];
  const views = rows.map((row) => ({
    ...toReceipt(row),
    cny: row.cny_fen === null ? null : fenToText(row.cny_fen),
    estimated: row.estimated === 1,
    creditedTo: row.credited_to,
  }));
  const last = rows.length === query.limit ? rows[rows.length - 1] : undefined;
  return { rows: views, total, offset: query.offset, limit: query.limit, next: last ? encodeKey([last.value_date, last.id]) : null };
}

/** Pins a receipt to the deal it pays, or unpins it (null). */
export function setReceiptDeal(db: WriteDb, id: number, deal: string | null): boolean {
  return preparedWrite(db, 'UPDATE receipts SET deal_id = ? WHERE id = ?').run(deal, id).changes > 0;
}

const CHUNK = 500;

/** The values of `column` among `values` that receipts already have, asked 500 at a time. */
export function existingReceiptValues(db: ReadDb, column: 'ref' | 'fingerprint', values: readonly string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const chunk = values.slice(i, i + CHUNK);
    const sql = `SELECT ${column} AS v FROM receipts WHERE ${column} IN (${chunk.map(() => '?').join(',')})`;
    for (const row of preparedRead(db, sql).all(...chunk) as { v: string }[]) found.push(row.v);
  }
  return found;
}

/** The id of the receipt with this bank reference, if any. */
export function receiptIdByRef(db: ReadDb, ref: string): number | null {
  return (preparedRead(db, 'SELECT id FROM receipts WHERE ref = ?').get(ref) as { id: number } | undefined)?.id ?? null;
}

/** Reference and payer of each of the customer's receipts, by id. */
export function receiptLabelsOf(db: ReadDb, customer: string): Map<number, { id: number; ref: string | null; remitter: string | null }> {
  const rows = preparedRead(db, 'SELECT id, ref, remitter FROM receipts WHERE customer_id = ?').all(customer) as {
    id: number;
    ref: string | null;
    remitter: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, r]));
}
