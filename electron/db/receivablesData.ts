import type { CreditGrade, Settings } from '../../shared/domain';
import type { WriteOffKind } from '../../shared/entities';
import type { CustomerBook, ReceivableReceipt, ReceivableWriteOff } from '../../shared/receivables/ledger';
import type { MissingRateCount, RateLookup } from '../../shared/receivables/report';
import type { ReceivableDeal, TermsSettings } from '../../shared/receivables/schedule';
import { RECEIPT_CNY, RECEIPT_MISSING_RATE } from './cnySql';
import type { ReadDb } from './handles';
import { preparedRead } from './statements';

/*
 * The rows receivables need (SPEC §12), read customer range by customer range in the order the
 * allocation takes them: deals by customer, receipts by customer and value date. A range at a
 * time keeps a million receipts out of memory; both reads walk the customer indexes.
 */

export type CustomerRow = { id: string; name: string; owner: string | null; terms: string | null; creditGrade: CreditGrade; creditLimitFen: number | null };

type DealRow = {
  id: string;
  salesperson_id: string;
  customer_id: string | null;
  signed_on: string;
  currency: string;
  amount_fen: number;
  terms_id: string | null;
  shipped_on: string | null;
  opening_balance_fen: number | null;
  opening_due: string | null;
};
type ReceiptRow = { customer_id: string; id: number; currency: string; value_date: string; amount_fen: number; deal_id: string | null };

export const DEALS_OF_RANGE = `SELECT id, salesperson_id, customer_id, signed_on, currency, amount_fen, terms_id, shipped_on, opening_balance_fen, opening_due
  FROM deals WHERE customer_id >= @lo AND customer_id <= @hi AND signed_on <= @asOf AND status = 'active' ORDER BY customer_id`;
export const RECEIPTS_OF_RANGE = `SELECT customer_id, id, currency, value_date, amount_fen, deal_id FROM receipts
  WHERE customer_id >= @lo AND customer_id <= @hi AND value_date BETWEEN @from AND @asOf AND not_customer = 0 ORDER BY customer_id, value_date`;
const DEALS_WITHOUT_CUSTOMER = `SELECT id, salesperson_id, customer_id, signed_on, currency, amount_fen, terms_id, shipped_on, opening_balance_fen, opening_due
  FROM deals WHERE customer_id IS NULL AND signed_on <= @asOf AND status = 'active'`;

/** Customer ids in index order, cut into ranges of about `size` customers. */
export function customerRanges(db: ReadDb, size = 2000): { lo: string; hi: string }[] {
  const ids = preparedRead(db, 'SELECT id FROM customers ORDER BY id').pluck().all() as string[];
  const ranges: { lo: string; hi: string }[] = [];
  for (let i = 0; i < ids.length; i += size) ranges.push({ lo: ids[i] as string, hi: ids[Math.min(ids.length, i + size) - 1] as string });
  return ranges;
}

export function receivableCustomers(db: ReadDb): Map<string, CustomerRow> {
  const rows = preparedRead(db, 'SELECT id, name, owner_id, terms_id, credit_grade, credit_limit_fen FROM customers').all() as {
    id: string;
    name: string;
    owner_id: string | null;
    terms_id: string | null;
    credit_grade: CreditGrade;
    credit_limit_fen: number | null;
  }[];
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, owner: r.owner_id, terms: r.terms_id, creditGrade: r.credit_grade, creditLimitFen: r.credit_limit_fen }]),
  );
}

function toDeal(row: DealRow): ReceivableDeal {
  return {
    id: row.id,
    salesperson: row.salesperson_id,
    customer: row.customer_id,
    signedOn: row.signed_on,
    currency: row.currency,
    amountFen: row.amount_fen,
    active: true,
    terms: row.terms_id,
    shippedOn: row.shipped_on,
    openingBalanceFen: row.opening_balance_fen,
    openingDue: row.opening_due,
  };
}

/** Write-offs dated up to `asOf`, by deal (there are few: people enter them one by one). */
export function writeOffsByDeal(db: ReadDb, asOf: string): Map<string, ReceivableWriteOff[]> {
  const rows = preparedRead(db, 'SELECT deal_id, number, date, amount_fen, kind FROM write_offs WHERE date <= ? ORDER BY date, id').all(asOf) as {
    deal_id: string;
    number: number;
    date: string;
    amount_fen: number;
    kind: WriteOffKind;
  }[];
  const map = new Map<string, ReceivableWriteOff[]>();
  for (const r of rows) {
    let list = map.get(r.deal_id);
    if (!list) map.set(r.deal_id, (list = []));
    list.push({ deal: r.deal_id, number: r.number, date: r.date, amountFen: r.amount_fen, kind: r.kind });
  }
  return map;
}

export type ReadOptions = { asOf: string; receivablesFrom: string | null };

/**
 * Calls `visit` once per customer that has deals or receipts as of the date (and once with
 * customer null for deals without a customer), with its book.
 */
export function forEachBook(
  db: ReadDb,
  options: ReadOptions,
  customers: ReadonlyMap<string, CustomerRow>,
  visit: (customer: string | null, book: CustomerBook) => void,
  only?: { lo: string; hi: string },
): void {
  const writeOffs = writeOffsByDeal(db, options.asOf);
  const from = options.receivablesFrom ?? '0000-01-01';
  const bookOf = (deals: ReceivableDeal[], terms: string | null, receipts: ReceivableReceipt[]): CustomerBook => ({
    terms,
    deals,
    receipts,
    writeOffs: writeOffs.size === 0 ? [] : deals.flatMap((d) => writeOffs.get(d.id) ?? []),
  });
  if (!only) {
    const loose = (preparedRead(db, DEALS_WITHOUT_CUSTOMER).all({ asOf: options.asOf }) as DealRow[]).map(toDeal);
    if (loose.length > 0) visit(null, bookOf(loose, null, []));
  }
  for (const range of only ? [only] : customerRanges(db)) {
    const params = { ...range, asOf: options.asOf, from };
    const deals = preparedRead(db, DEALS_OF_RANGE).all(params) as DealRow[];
    const receipts = preparedRead(db, RECEIPTS_OF_RANGE).all(params) as ReceiptRow[];
    let d = 0;
    let r = 0;
    while (d < deals.length || r < receipts.length) {
      const nextDeal = deals[d]?.customer_id;
      const nextReceipt = receipts[r]?.customer_id;
      const id =
        nextDeal === undefined || nextDeal === null ? (nextReceipt as string) : nextReceipt === undefined || nextDeal <= nextReceipt ? nextDeal : nextReceipt;
      const own: ReceivableDeal[] = [];
      for (; d < deals.length && (deals[d] as DealRow).customer_id === id; d++) own.push(toDeal(deals[d] as DealRow));
      const paid: ReceivableReceipt[] = [];
      for (; r < receipts.length && (receipts[r] as ReceiptRow).customer_id === id; r++) {
        const row = receipts[r] as ReceiptRow;
        paid.push({ id: row.id, currency: row.currency, date: row.value_date, amountFen: row.amount_fen, deal: row.deal_id });
      }
      visit(id, bookOf(own, customers.get(id)?.terms ?? null, paid));
    }
  }
}

/**
 * Calls `visit` with the book of each of `keys` in their order ('' for the deals without a
 * customer), an empty book where the customer has nothing as of the date.
 */
export function forEachBookOf(
  db: ReadDb,
  options: ReadOptions,
  customers: ReadonlyMap<string, CustomerRow>,
  keys: readonly string[],
  visit: (customer: string | null, book: CustomerBook) => void,
): void {
  const writeOffs = writeOffsByDeal(db, options.asOf);
  const from = options.receivablesFrom ?? '0000-01-01';
  for (const key of keys) {
    const deals = (
      key === ''
        ? (preparedRead(db, DEALS_WITHOUT_CUSTOMER).all({ asOf: options.asOf }) as DealRow[])
        : (preparedRead(db, DEALS_OF_RANGE).all({ lo: key, hi: key, asOf: options.asOf }) as DealRow[])
    ).map(toDeal);
    const receipts =
      key === ''
        ? []
        : (preparedRead(db, RECEIPTS_OF_RANGE).all({ lo: key, hi: key, asOf: options.asOf, from }) as ReceiptRow[]).map((row): ReceivableReceipt => ({
            id: row.id,
            currency: row.currency,
            date: row.value_date,
            amountFen: row.amount_fen,
            deal: row.deal_id,
          }));
    visit(key === '' ? null : key, {
      terms: key === '' ? null : (customers.get(key)?.terms ?? null),
      deals,
      receipts,
      writeOffs: writeOffs.size === 0 ? [] : deals.flatMap((d) => writeOffs.get(d.id) ?? []),
    });
  }
}

/** Table rates of one month as [currency, millionths] rows in currency order (the receivables cache keys on them). */
export function monthRateRows(db: ReadDb, month: string): [string, number][] {
  return preparedRead(db, 'SELECT currency, rate_micro FROM fx_rates WHERE month = ? ORDER BY currency').raw().all(month) as [string, number][];
}

/** Table rates of one month, per currency, in millionths. */
export function monthRates(db: ReadDb, month: string): RateLookup {
  const rows = preparedRead(db, 'SELECT currency, rate_micro FROM fx_rates WHERE month = ?').all(month) as { currency: string; rate_micro: number }[];
  const rates = new Map(rows.map((r) => [r.currency, r.rate_micro]));
  return (currency) => rates.get(currency) ?? null;
}

/**
 * Receipts with no customer, not 非客户回款, dated from `receivablesFrom` to the date: their
 * count and the CNY (SPEC §3) of those whose value is known. Those whose month has no table rate
 * are left out of the sum and counted apart, naming the first month and currency: they belong
 * to no customer, so they never block the receivables (SPEC §12), but they are not ¥0.00 either.
 */
export function unmatchedReceipts(db: ReadDb, options: ReadOptions): { count: number; cnyFen: number; missingRate: MissingRateCount | null } {
  const params = { from: options.receivablesFrom ?? '0000-01-01', asOf: options.asOf };
  const where = `FROM receipts r WHERE r.customer_id IS NULL AND r.not_customer = 0 AND r.value_date BETWEEN @from AND @asOf`;
  const sums = preparedRead(db, `SELECT COUNT(*) AS n, SUM(${RECEIPT_CNY}) AS fen, SUM(${RECEIPT_MISSING_RATE}) AS missing ${where}`).get(params) as {
    n: number;
    fen: number | null;
    missing: number | null;
  };
  const first =
    (sums.missing ?? 0) > 0
      ? (preparedRead(db, `SELECT substr(r.value_date, 1, 7) AS month, r.currency ${where} AND ${RECEIPT_MISSING_RATE} ORDER BY 1, 2 LIMIT 1`).get(params) as
          { month: string; currency: string } | undefined)
      : undefined;
  return { count: sums.n, cnyFen: sums.fen ?? 0, missingRate: first ? { count: sums.missing ?? 0, ...first } : null };
}

export function termsSettings(settings: Settings): TermsSettings {
  return { termsById: new Map(settings.paymentTerms.map((t) => [t.id, t])), defaultTerms: settings.defaultTerms, receivablesFrom: settings.receivablesFrom };
}
