import type { NewCustomerRule } from '../../shared/domain';
import type { ExcludedLine, NewCustomerLine, RateSource, StatementLine } from '../../shared/engine/commissionStatement';
import { fenToText, microToText } from '../../shared/money';
import { DEAL_CNY, DEAL_RATE_JOIN, RECEIPT_CNY, RECEIPT_ESTIMATED, RECEIPT_OWNER } from './cnySql';
import type { ReadDb } from './handles';
import type { DateRange } from './quarterFacts';
import { preparedRead } from './statements';

/*
 * The rows behind one person's commission base, for the 提成对账单. Each query applies exactly
 * the rule `quarterFacts` sums (SPEC §3), so the lines add up to the appraisal's figure; the
 * service checks that they do.
 */

/**
 * The columns of `RECEIPT_LINE`, in order. Read raw — an array per row, not an object with
 * named keys: a quarter has 125,000 receipts, and the keyed objects were a fifth of the time.
 */
type ReceiptLineRow = [
  id: number,
  valueDate: string,
  ref: string | null,
  remitter: string | null,
  customerId: string | null,
  currency: string,
  amountFen: number,
  rateMicro: number | null,
  bankCnyFen: number | null,
  rateQuotedPer: number | null,
  notCustomer: number,
  tableRateMicro: number | null,
  cnyFen: number | null,
  creditedTo: string | null,
];

const NOT_CUSTOMER = 10;
const CNY_FEN = 12;
const CREDITED_TO = 13;
/** `excludedReceiptsByPerson` adds the customer's owner after the line's columns. */
const CUSTOMER_OWNER = 14;

// The table rate is looked up only for the receipts it is the source of (估算), not for all of a
// quarter's receipts: `receiptLine` reads it for those alone.
const RECEIPT_COLUMNS = `r.id, r.value_date, r.ref, r.remitter, r.customer_id, r.currency, r.amount_fen, r.rate_micro,
    r.bank_cny_fen, r.rate_quoted_per, r.not_customer,
    CASE WHEN ${RECEIPT_ESTIMATED} THEN (SELECT rate_micro FROM fx_rates WHERE month = substr(r.value_date, 1, 7) AND currency = r.currency) END,
    ${RECEIPT_CNY}, ${RECEIPT_OWNER}`;

function receiptRows(db: ReadDb, sql: string, params: object): IterableIterator<ReceiptLineRow> {
  return preparedRead(db, sql).raw(true).iterate(params) as IterableIterator<ReceiptLineRow>;
}

function sourceOf(currency: string, bankCnyFen: number | null, rateMicro: number | null, quotedPer: number | null): RateSource {
  if (currency === 'CNY') return 'cny';
  if (bankCnyFen !== null) return 'bankCny';
  if (rateMicro !== null) return quotedPer === 100 ? 'bankRatePer100' : 'bankRate';
  return 'table';
}

function receiptLine(row: ReceiptLineRow): StatementLine {
  const [id, date, ref, remitter, customer, currency, amountFen, bankRate, bankCnyFen, quotedPer, , tableRate, cnyFen] = row;
  const source = sourceOf(currency, bankCnyFen, bankRate, quotedPer);
  const rateMicro = source === 'table' ? tableRate : source === 'cny' || source === 'bankCny' ? null : bankRate;
  return {
    id: String(id),
    date,
    ref,
    counterparty: remitter,
    customer,
    currency,
    amount: fenToText(amountFen),
    rate: rateMicro === null ? null : microToText(rateMicro),
    rateSource: source,
    // A missing table rate stops the appraisal before a statement is asked for.
    cny: fenToText(cnyFen ?? 0),
  };
}

/** The receipts that count for `salesperson` in the range: their 结汇额, refunds negative. */
export function countedReceipts(db: ReadDb, salesperson: string, range: DateRange): StatementLine[] {
  const rows = receiptRows(
    db,
    `SELECT ${RECEIPT_COLUMNS} FROM receipts r
     WHERE r.value_date BETWEEN @from AND @to AND r.not_customer = 0 AND ${RECEIPT_OWNER} = @sp
     ORDER BY r.value_date, r.id`,
    { ...range, sp: salesperson },
  );
  return Array.from(rows, receiptLine);
}

/**
 * `countedReceipts` of everyone at once, by the person credited: one pass over the quarter's
 * receipts (index receipts_quarter) instead of one per person — with 50 people and 125,000
 * receipts a quarter, fifty passes made the forms export wait tens of seconds.
 */
export function countedReceiptsByPerson(db: ReadDb, range: DateRange): Map<string, StatementLine[]> {
  const rows = receiptRows(
    db,
    `SELECT ${RECEIPT_COLUMNS} FROM receipts r
     WHERE r.value_date BETWEEN @from AND @to AND r.not_customer = 0 AND ${RECEIPT_OWNER} IS NOT NULL
     ORDER BY r.value_date, r.id`,
    range,
  );
  // Row by row: the quarter's raw rows are never all held beside their lines.
  const byPerson = new Map<string, StatementLine[]>();
  for (const row of rows) {
    const sp = row[CREDITED_TO] ?? '';
    let lines = byPerson.get(sp);
    if (!lines) byPerson.set(sp, (lines = []));
    lines.push(receiptLine(row));
  }
  return byPerson;
}

/**
 * Receipts in the range from customers `salesperson` owns today that do not count for them:
 * marked 非客户回款, credited to someone else (by hand, or the owner when they were matched),
 * or matched while the customer had no owner.
 */
export function excludedReceipts(db: ReadDb, salesperson: string, range: DateRange): ExcludedLine[] {
  const rows = receiptRows(
    db,
    `SELECT ${RECEIPT_COLUMNS} FROM receipts r JOIN customers c ON c.id = r.customer_id
     WHERE r.value_date BETWEEN @from AND @to AND c.owner_id = @sp
       AND (r.not_customer = 1 OR ${RECEIPT_OWNER} IS NULL OR ${RECEIPT_OWNER} <> @sp)
     ORDER BY r.value_date, r.id`,
    { ...range, sp: salesperson },
  );
  return Array.from(rows, excludedLine);
}

function excludedLine(row: ReceiptLineRow): ExcludedLine {
  const { rate: _rate, rateSource: _source, ...line } = receiptLine(row);
  const cnyFen = row[CNY_FEN];
  const creditedTo = row[CREDITED_TO];
  const notCustomer = row[NOT_CUSTOMER] === 1;
  const reason = notCustomer ? 'notCustomer' : creditedTo === null ? 'noOwnerWhenMatched' : 'creditedToOther';
  return { ...line, cny: cnyFen === null ? null : fenToText(cnyFen), reason, creditedTo: notCustomer ? null : creditedTo };
}

/** `excludedReceipts` of everyone at once, by the customer's owner today: one pass over the quarter. */
export function excludedReceiptsByPerson(db: ReadDb, range: DateRange): Map<string, ExcludedLine[]> {
  const rows = receiptRows(
    db,
    `SELECT ${RECEIPT_COLUMNS}, c.owner_id FROM receipts r JOIN customers c ON c.id = r.customer_id
     WHERE r.value_date BETWEEN @from AND @to AND c.owner_id IS NOT NULL
       AND (r.not_customer = 1 OR ${RECEIPT_OWNER} IS NULL OR ${RECEIPT_OWNER} <> c.owner_id)
     ORDER BY r.value_date, r.id`,
    range,
  ) as IterableIterator<ReceiptLineRow & { [CUSTOMER_OWNER]: string }>;
  const byPerson = new Map<string, ExcludedLine[]>();
  for (const row of rows) {
    const owner = row[CUSTOMER_OWNER];
    let lines = byPerson.get(owner);
    if (!lines) byPerson.set(owner, (lines = []));
    lines.push(excludedLine(row));
  }
  return byPerson;
}

type DealLineRow = {
  id: string;
  contract_no: string | null;
  signed_on: string;
  customer_id: string | null;
  customer_name: string | null;
  currency: string;
  amount_fen: number;
  rate_micro: number | null;
  cny_fen: number | null;
};

/** The active deals signed in the range: the lines of a 成交额 base (setting `commissionBase`). */
export function countedDeals(db: ReadDb, salesperson: string, range: DateRange): StatementLine[] {
  const rows = preparedRead(
    db,
    `SELECT d.id, d.contract_no, d.signed_on, d.customer_id, c.name AS customer_name, d.currency, d.amount_fen,
       dr.rate_micro, ${DEAL_CNY} AS cny_fen
     FROM deals d ${DEAL_RATE_JOIN} LEFT JOIN customers c ON c.id = d.customer_id
     WHERE d.signed_on BETWEEN @from AND @to AND d.status = 'active' AND d.salesperson_id = @sp
     ORDER BY d.signed_on, d.id`,
  ).all({ ...range, sp: salesperson }) as DealLineRow[];
  return rows.map((row) => ({
    id: row.id,
    date: row.signed_on,
    ref: row.contract_no,
    counterparty: row.customer_name,
    customer: row.customer_id,
    currency: row.currency,
    amount: fenToText(row.amount_fen),
    rate: row.currency === 'CNY' || row.rate_micro === null ? null : microToText(row.rate_micro),
    rateSource: row.currency === 'CNY' ? 'cny' : 'table',
    cny: fenToText(row.cny_fen ?? 0),
  }));
}

/**
 * The customers whose first qualifying event ever (SPEC §3, `newCustomerRule`) falls in the
 * range and is credited to `salesperson`: the names behind the new-customer bonus.
 */
export function newCustomersOf(db: ReadDb, salesperson: string, range: DateRange, rule: NewCustomerRule): NewCustomerLine[] {
  return newCustomersByPerson(db, range, rule).get(salesperson) ?? [];
}

/**
 * `newCustomersOf` everyone at once, by the person credited: the first events of all customers
 * are found once, not once per person (each time over every customer).
 */
export function newCustomersByPerson(db: ReadDb, range: DateRange, rule: NewCustomerRule): Map<string, NewCustomerLine[]> {
  const sql =
    rule === 'first_receipt'
      ? `WITH firsts AS (
           SELECT c.id AS customer, c.name, (SELECT MIN(r.value_date) FROM receipts r INDEXED BY receipts_customer
             WHERE r.customer_id = c.id AND r.amount_fen > 0 AND r.not_customer = 0) AS first
           FROM customers c),
         credited AS (
           SELECT f.customer, f.name, f.first AS date,
             (SELECT ${RECEIPT_OWNER} FROM receipts r INDEXED BY receipts_customer
               WHERE r.customer_id = f.customer AND r.value_date = f.first AND r.amount_fen > 0 AND r.not_customer = 0
               ORDER BY r.ref, r.id LIMIT 1) AS sp
           FROM firsts f WHERE f.first BETWEEN @from AND @to)
         SELECT customer, name, date, sp FROM credited WHERE sp IS NOT NULL
         ORDER BY date, customer`
      : `WITH firsts AS (
           SELECT d.customer_id AS customer, MIN(d.signed_on) AS first FROM deals d
           WHERE d.customer_id IS NOT NULL AND d.status = 'active'
           GROUP BY d.customer_id HAVING first BETWEEN @from AND @to),
         credited AS (
           SELECT f.customer, c.name, f.first AS date,
             (SELECT d.salesperson_id FROM deals d WHERE d.customer_id = f.customer AND d.signed_on = f.first
                AND d.status = 'active' ORDER BY d.id LIMIT 1) AS sp
           FROM firsts f JOIN customers c ON c.id = f.customer)
         SELECT customer, name, date, sp FROM credited WHERE sp IS NOT NULL
         ORDER BY date, customer`;
  const byPerson = new Map<string, NewCustomerLine[]>();
  for (const { sp, ...line } of preparedRead(db, sql).all(range) as (NewCustomerLine & { sp: string })[]) {
    let lines = byPerson.get(sp);
    if (!lines) byPerson.set(sp, (lines = []));
    lines.push(line);
  }
  return byPerson;
}
