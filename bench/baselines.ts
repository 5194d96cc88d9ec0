import { DEAL_CNY, DEAL_MISSING_RATE, DEAL_RATE_JOIN, RECEIPT_CNY, RECEIPT_MISSING_RATE, RECEIPT_OWNER } from '../electron/db/cnySql';
import type { WriteDb } from '../electron/db/handles';
import { withoutRevisionTriggers } from '../electron/db/receivableRevisions';
import { quarterRange } from '../shared/quarter';
import type { BundleInput } from '../shared/schemas/bundle';

/*
 * What the app's work is measured against: the same rows inserted with raw prepared statements,
 * and the same sums as plain GROUP BY queries — no validation, no exact rounding, no engine.
 */

const cents = (text: string | number) => Math.round(Number(text) * 100);
const micros = (text: string | number) => Math.round(Number(text) * 1e6);

/** Inserts a parsed bundle's rows with raw prepared statements in one transaction. */
export function rawInsert(db: WriteDb, bundle: BundleInput): void {
  // Without the receivables revision triggers, as the app's bundle load runs (a fair floor pays no more than the app).
  db.transaction(() =>
    withoutRevisionTriggers(db, () => {
      const person = db.prepare('INSERT INTO salespeople (id, name, performance_base_pay_fen) VALUES (?, ?, ?)');
      for (const p of bundle.salespeople ?? []) person.run(p.id, p.name, cents(p.performanceBasePay ?? 0));
      const customer = db.prepare('INSERT INTO customers (id, name, normalized_name, country, owner_id) VALUES (?, ?, ?, ?, ?)');
      const alias = db.prepare('INSERT INTO customer_aliases (customer_id, seq, alias, normalized) VALUES (?, ?, ?, ?)');
      for (const c of bundle.customers ?? []) {
        customer.run(c.id, c.name, c.name, c.country ?? null, c.owner ?? null);
        (c.aliases ?? []).forEach((a, i) => alias.run(c.id, i, a, a));
      }
      const rate = db.prepare('INSERT INTO fx_rates (month, currency, rate_micro) VALUES (?, ?, ?)');
      for (const r of bundle.fxRates ?? []) rate.run(r.month, r.currency, micros(r.rate));
      const deal = db.prepare('INSERT INTO deals (id, salesperson_id, customer_id, signed_on, currency, amount_fen, status) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const d of bundle.deals ?? []) deal.run(d.id, d.salesperson, d.customer ?? null, d.signedOn, d.currency, cents(d.amount), d.status ?? 'active');
      const receipt = db.prepare(
        'INSERT INTO receipts (ref, value_date, currency, amount_fen, rate_micro, remitter, customer_id, matched_owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of bundle.receipts ?? []) {
        receipt.run(r.ref ?? null, r.valueDate, r.currency, cents(r.amount), r.rate ? micros(r.rate) : null, r.remitter ?? null, r.customer ?? null, null);
      }
      const error = db.prepare('INSERT INTO error_records (salesperson_id, date, weight) VALUES (?, ?, ?)');
      for (const e of bundle.errors ?? []) error.run(e.salesperson, e.date, e.weight ?? 1);
    }),
  )();
}

/**
 * The quarter's sums as a skilled person would write them over the same schema and its indexes
 * (issue 12.9's fair floor): each sum one GROUP BY read from its covering index, the month's
 * rate by primary key, and each customer's first receipt by one seek of the (customer, date)
 * index — not a scan of every receipt ever, as `plainAggregation` below does (9× the work).
 * It answers what the app must: the unmatched receipts apart (shown on the page) and whether a
 * row needed a table rate that is missing (the app then refuses to compute, never guessing).
 */
export function fairAggregation(db: WriteDb, quarter: string): unknown[] {
  const range = quarterRange(quarter);
  // The CNY value exact to the fen (cnySql.ts), as the figures must be: not a cheaper, wrong sum.
  return [
    db
      .prepare(
        `SELECT d.salesperson_id, SUM(${DEAL_CNY}), COUNT(*), SUM(${DEAL_MISSING_RATE})
         FROM deals d INDEXED BY deals_quarter ${DEAL_RATE_JOIN}
         WHERE d.signed_on BETWEEN @from AND @to AND d.status = 'active' GROUP BY d.salesperson_id`,
      )
      .all(range),
    db
      .prepare(
        `SELECT COALESCE(${RECEIPT_OWNER}, CASE WHEN r.customer_id IS NULL THEN '' END), SUM(${RECEIPT_CNY}), COUNT(*), SUM(${RECEIPT_MISSING_RATE})
         FROM receipts r INDEXED BY receipts_quarter WHERE r.value_date BETWEEN @from AND @to AND r.not_customer = 0 GROUP BY 1`,
      )
      .all(range),
    db
      .prepare(
        `SELECT (SELECT ${RECEIPT_OWNER} FROM receipts r INDEXED BY receipts_customer
                 WHERE r.customer_id = c.id AND r.amount_fen > 0 AND r.not_customer = 0 ORDER BY r.value_date, r.ref, r.id LIMIT 1) AS sp, COUNT(*)
         FROM customers c
         WHERE (SELECT MIN(r.value_date) FROM receipts r INDEXED BY receipts_customer WHERE r.customer_id = c.id AND r.amount_fen > 0 AND r.not_customer = 0)
           BETWEEN @from AND @to
         GROUP BY 1`,
      )
      .all(range),
    db.prepare('SELECT salesperson_id, SUM(weight) FROM error_records WHERE date BETWEEN @from AND @to GROUP BY salesperson_id').all(range),
    db.prepare('SELECT salesperson_id, count FROM document_counts WHERE quarter = ?').all(quarter),
  ];
}

/** The quarter's sums in plain SQL: one GROUP BY per indicator over the same indexed tables. */
export function plainAggregation(db: WriteDb, quarter: string): unknown[] {
  const range = quarterRange(quarter);
  return [
    db
      .prepare(
        `SELECT d.salesperson_id, SUM(d.amount_fen * COALESCE(f.rate_micro, 1000000) / 1e6), COUNT(*) FROM deals d
         LEFT JOIN fx_rates f ON f.month = substr(d.signed_on, 1, 7) AND f.currency = d.currency
         WHERE d.signed_on BETWEEN @from AND @to AND d.status = 'active' GROUP BY d.salesperson_id`,
      )
      .all(range),
    db
      .prepare(
        `SELECT COALESCE(r.manual_salesperson_id, r.matched_owner_id), SUM(r.amount_fen * COALESCE(r.rate_micro, f.rate_micro, 1000000) / 1e6)
         FROM receipts r LEFT JOIN fx_rates f ON f.month = substr(r.value_date, 1, 7) AND f.currency = r.currency
         WHERE r.value_date BETWEEN @from AND @to GROUP BY 1`,
      )
      .all(range),
    db
      .prepare(
        `SELECT COUNT(*) FROM (SELECT customer_id, MIN(value_date) AS first FROM receipts
         WHERE customer_id IS NOT NULL AND amount_fen > 0 GROUP BY customer_id HAVING first BETWEEN @from AND @to)`,
      )
      .all(range),
    db.prepare('SELECT salesperson_id, SUM(weight) FROM error_records WHERE date BETWEEN @from AND @to GROUP BY salesperson_id').all(range),
  ];
}
