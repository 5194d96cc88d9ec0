import Decimal from 'decimal.js';

/*
 * The receipts behind each person's 结汇额 in a bundle, worked out here from SPEC §3 on the
 * bundle's own JSON — not through the app — so the statement's lines can be checked one by one.
 */

type BundleReceipt = {
  ref?: string;
  valueDate: string;
  currency: string;
  amount: string;
  rate?: string | null;
  cnyAmount?: string | null;
  customer?: string | null;
  salesperson?: string | null;
  notCustomer?: boolean;
};
type Bundle = {
  customers: { id: string; owner?: string | null }[];
  fxRates: { month: string; currency: string; rate: string }[];
  receipts: BundleReceipt[];
};

export type ExpectedLine = { ref: string; cny: string };

const half = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/** Receipt CNY: the bank's CNY amount, else × the bank's rate, else CNY as is, else × the table rate. */
function cnyOf(r: BundleReceipt, table: Map<string, string>): string {
  if (r.cnyAmount) return new Decimal(r.cnyAmount).toFixed(2);
  if (r.rate) return half(new Decimal(r.amount).times(r.rate));
  if (r.currency === 'CNY') return new Decimal(r.amount).toFixed(2);
  const rate = table.get(`${r.valueDate.slice(0, 7)} ${r.currency}`);
  if (!rate) throw new Error(`no table rate for ${r.valueDate} ${r.currency}`);
  return half(new Decimal(r.amount).times(rate));
}

/** The receipts of the quarter [from, to] that count for `salesperson`, by date then bundle order. */
export function expectedLines(bundle: Bundle, salesperson: string, from: string, to: string): ExpectedLine[] {
  const owner = new Map(bundle.customers.map((c) => [c.id, c.owner ?? null]));
  const table = new Map(bundle.fxRates.map((f) => [`${f.month} ${f.currency}`, f.rate]));
  return bundle.receipts
    .filter((r) => r.valueDate >= from && r.valueDate <= to && !r.notCustomer)
    .filter((r) => (r.salesperson ?? (r.customer ? owner.get(r.customer) : null)) === salesperson)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.valueDate < b.r.valueDate ? -1 : a.r.valueDate > b.r.valueDate ? 1 : a.i - b.i))
    .map(({ r }) => ({ ref: r.ref ?? '', cny: cnyOf(r, table) }));
}

/** Σ of the lines' CNY, to the fen. */
export function sumLines(lines: readonly ExpectedLine[]): string {
  return lines.reduce((s, l) => s.plus(l.cny), new Decimal(0)).toFixed(2);
}
