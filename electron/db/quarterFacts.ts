import type { NewCustomerRule } from '../../shared/domain';
import { quarterRange, type QuarterKey } from '../../shared/quarter';
import { DEAL_CNY, DEAL_MISSING_RATE, DEAL_RATE_JOIN, RECEIPT_CNY, RECEIPT_MISSING_RATE, RECEIPT_OWNER } from './cnySql';
import type { ReadDb } from './handles';
import { preparedRead } from './statements';

/** Per-salesperson sums of one date range, in fen; the engine turns them into indicators. */
export type RawFacts = {
  dealFen: number;
  activeDeals: number;
  settledFen: number;
  newCustomers: number;
  errorWeight: number;
  enteredDocumentSets: number | null;
};

export type FactsOfPeriod = {
  bySalesperson: Map<string, RawFacts>;
  unmatched: { count: number; fen: number };
  /** Month and currency of the first row whose CNY value needs a table rate that is missing. */
  missingRate: { month: string; currency: string } | null;
};

export type DateRange = { from: string; to: string };

const EMPTY: RawFacts = { dealFen: 0, activeDeals: 0, settledFen: 0, newCustomers: 0, errorWeight: 0, enteredDocumentSets: null };

/** Everything SPEC §3 sums for a quarter, each rule one GROUP BY over indexed columns. */
export function quarterFacts(db: ReadDb, quarter: QuarterKey, rule: NewCustomerRule): FactsOfPeriod {
  const range = quarterRange(quarter);
  const facts = rangeFacts(db, range, rule);
  for (const row of preparedRead(db, 'SELECT salesperson_id AS sp, count FROM document_counts WHERE quarter = ?').all(quarter) as {
    sp: string;
    count: number;
  }[]) {
    entry(facts.bySalesperson, row.sp).enteredDocumentSets = row.count;
  }
  return facts;
}

/** The sums of any date range (a quarter, or a whole year for the annual evaluation). */
export function rangeFacts(db: ReadDb, range: DateRange, rule: NewCustomerRule): FactsOfPeriod {
  const bySalesperson = new Map<string, RawFacts>();
  let missing = false;
  for (const row of dealSums(db, range)) {
    Object.assign(entry(bySalesperson, row.sp), { dealFen: row.fen ?? 0, activeDeals: row.n });
    missing ||= row.missing > 0;
  }
  const unmatched = { count: 0, fen: 0 };
  for (const row of receiptSums(db, range)) {
    missing ||= row.missing > 0;
    if (row.sp === UNMATCHED) Object.assign(unmatched, { count: row.n, fen: row.fen ?? 0 });
    else if (row.sp !== null) entry(bySalesperson, row.sp).settledFen += row.fen ?? 0;
  }
  for (const row of newCustomerCounts(db, range, rule)) entry(bySalesperson, row.sp).newCustomers = row.n;
  for (const row of errorWeights(db, range)) entry(bySalesperson, row.sp).errorWeight = row.w;
  // Only when a sum met a missing rate is it worth finding which month and currency it was.
  return { bySalesperson, unmatched, missingRate: missing ? missingRate(db, range) : null };
}

function entry(map: Map<string, RawFacts>, sp: string): RawFacts {
  let facts = map.get(sp);
  if (!facts) {
    facts = { ...EMPTY };
    map.set(sp, facts);
  }
  return facts;
}

function dealSums(db: ReadDb, range: DateRange): { sp: string; fen: number | null; n: number; missing: number }[] {
  return preparedRead(
    db,
    `SELECT d.salesperson_id AS sp, SUM(${DEAL_CNY}) AS fen, COUNT(*) AS n, SUM(${DEAL_MISSING_RATE}) AS missing
     FROM deals d ${DEAL_RATE_JOIN}
     WHERE d.signed_on BETWEEN @from AND @to AND d.status = 'active' GROUP BY d.salesperson_id`,
  ).all(range) as { sp: string; fen: number | null; n: number; missing: number }[];
}

const COUNTED_RECEIPT = `r.not_customer = 0`;

type ReceiptSum = { sp: string | null; fen: number | null; n: number; missing: number };

/** The group of the unmatched receipts: never a salesperson id, which is never empty (CHECK). */
const UNMATCHED = '';

/**
 * One pass over the quarter's receipts: sums per salesperson they count for, and the unmatched
 * ones (no customer, no salesperson set by hand) as the group ''. A receipt of a customer
 * without an owner counts for nobody and is not unmatched either (the group NULL). One grouping
 * key, not two: the temporary b-tree of the GROUP BY is most of this query's cost.
 */
function receiptSums(db: ReadDb, range: DateRange): ReceiptSum[] {
  return preparedRead(
    db,
    `SELECT COALESCE(${RECEIPT_OWNER}, CASE WHEN r.customer_id IS NULL THEN '${UNMATCHED}' END) AS sp, SUM(${RECEIPT_CNY}) AS fen,
       COUNT(*) AS n, SUM(${RECEIPT_MISSING_RATE}) AS missing
     FROM receipts r
     WHERE r.value_date BETWEEN @from AND @to AND ${COUNTED_RECEIPT} GROUP BY 1`,
  ).all(range) as ReceiptSum[];
}

/**
 * A customer is new in the range when its first qualifying event ever falls in it (SPEC §3):
 * the first positive receipt by value date then reference, or the first active deal by signed
 * date then id. It is credited to the salesperson of that event.
 */
function newCustomerCounts(db: ReadDb, range: DateRange, rule: NewCustomerRule): { sp: string; n: number }[] {
  const sql =
    rule === 'first_receipt'
      ? // One index seek per customer finds its first qualifying receipt.
        `WITH firsts AS (
           SELECT customer, first FROM (
             SELECT c.id AS customer, (SELECT MIN(r.value_date) FROM receipts r INDEXED BY receipts_customer
               WHERE r.customer_id = c.id AND r.amount_fen > 0 AND r.not_customer = 0) AS first
             FROM customers c)
           WHERE first BETWEEN @from AND @to)
         SELECT (SELECT ${RECEIPT_OWNER} FROM receipts r INDEXED BY receipts_customer
                   WHERE r.customer_id = f.customer AND r.value_date = f.first AND r.amount_fen > 0 AND r.not_customer = 0
                   ORDER BY r.ref, r.id LIMIT 1) AS sp, COUNT(*) AS n
         FROM firsts f GROUP BY 1 HAVING sp IS NOT NULL`
      : `WITH firsts AS (
           SELECT d.customer_id AS customer, MIN(d.signed_on) AS first FROM deals d
           WHERE d.customer_id IS NOT NULL AND d.status = 'active'
           GROUP BY d.customer_id HAVING first BETWEEN @from AND @to)
         SELECT (SELECT d.salesperson_id FROM deals d WHERE d.customer_id = f.customer AND d.signed_on = f.first
                   AND d.status = 'active' ORDER BY d.id LIMIT 1) AS sp, COUNT(*) AS n
         FROM firsts f GROUP BY 1`;
  return preparedRead(db, sql).all(range) as { sp: string; n: number }[];
}

function errorWeights(db: ReadDb, range: DateRange): { sp: string; w: number }[] {
  return preparedRead(db, 'SELECT salesperson_id AS sp, SUM(weight) AS w FROM error_records WHERE date BETWEEN @from AND @to GROUP BY salesperson_id').all(
    range,
  ) as {
    sp: string;
    w: number;
  }[];
}

function missingRate(db: ReadDb, range: DateRange): { month: string; currency: string } | null {
  const row = preparedRead(
    db,
    `SELECT substr(d.signed_on, 1, 7) AS month, d.currency FROM deals d ${DEAL_RATE_JOIN}
       WHERE d.signed_on BETWEEN @from AND @to AND d.status = 'active' AND ${DEAL_MISSING_RATE}
     UNION ALL
     SELECT substr(r.value_date, 1, 7), r.currency FROM receipts r
       WHERE r.value_date BETWEEN @from AND @to AND ${COUNTED_RECEIPT} AND ${RECEIPT_MISSING_RATE}
     ORDER BY 1, 2 LIMIT 1`,
  ).get(range) as { month: string; currency: string } | undefined;
  return row ?? null;
}
