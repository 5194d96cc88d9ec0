import type { ReceivablesReport } from '../../shared/receivables/report';
import { receivablesReportBuilder, type CustomerParty } from '../../shared/receivables/report';
import { customerLedger, type CustomerLedger } from '../../shared/receivables/ledger';
import { addCollectionSums, type CollectionSums } from '../../shared/receivables/indicators';
import { quarterRange, type QuarterKey } from '../../shared/quarter';
import type { ReadDb } from '../db/handles';
import { getSettings } from '../db/repositories/company';
import { listSalespeople } from '../db/repositories/salespeople';
import { forEachBook, monthRates, receivableCustomers, termsSettings, unmatchedReceipts, type CustomerRow } from '../db/receivablesData';

/** Customers as the report names them. */
export function parties(customers: ReadonlyMap<string, CustomerRow>): Map<string, CustomerParty> {
  return new Map([...customers.values()].map((c) => [c.id, { name: c.name, creditGrade: c.creditGrade, creditLimitFen: c.creditLimitFen }]));
}

/**
 * Visits every customer's ledger as of `asOf` (SPEC §12), customer range by customer range;
 * `collectibleFrom` adds the collection-rate allocation (receipts before that day only).
 */
export function forEachLedger(
  db: ReadDb,
  asOf: string,
  visit: (customer: string | null, ledger: CustomerLedger) => void,
  options: { collectibleFrom?: string; only?: string; exceptDeal?: string } = {},
): void {
  const settings = termsSettings(getSettings(db));
  const customers = receivableCustomers(db);
  const ledgerOptions = { asOf, settings, ...(options.collectibleFrom ? { collectibleFrom: options.collectibleFrom } : {}) };
  const only = options.only === undefined ? undefined : { lo: options.only, hi: options.only };
  const except = options.exceptDeal;
  forEachBook(
    db,
    { asOf, receivablesFrom: settings.receivablesFrom },
    customers,
    (customer, book) =>
      visit(customer, customerLedger(except === undefined ? book : { ...book, deals: book.deals.filter((d) => d.id !== except) }, ledgerOptions)),
    only,
  );
}

/** `tkpi receivables --json` and the 应收 page: the whole report as of a date. */
export function computeReceivables(db: ReadDb, asOf: string): ReceivablesReport {
  const settings = getSettings(db);
  const customers = receivableCustomers(db);
  const names = new Map(listSalespeople(db).map((p) => [p.id, p.name]));
  const rate = monthRates(db, asOf.slice(0, 7));
  const unmatched = unmatchedReceipts(db, { asOf, receivablesFrom: settings.receivablesFrom });
  const builder = receivablesReportBuilder(asOf, rate, { salespeople: names, customers: parties(customers) });
  const ledgerOptions = { asOf, settings: termsSettings(settings) };
  forEachBook(db, { asOf, receivablesFrom: settings.receivablesFrom }, customers, (customer, book) =>
    builder.add(customer, customerLedger(book, ledgerOptions)),
  );
  return builder.finish(unmatched);
}

/** The sums behind 回款率 and 逾期率 of every salesperson for a quarter (SPEC §12), CNY fen. */
export function collectionSums(db: ReadDb, quarter: QuarterKey): Map<string, CollectionSums> {
  const { from, to } = quarterRange(quarter);
  const rate = monthRates(db, to.slice(0, 7));
  const sums = new Map<string, CollectionSums>();
  forEachLedger(db, to, (_customer, ledger) => addCollectionSums(sums, ledger, rate, to), { collectibleFrom: from });
  return sums;
}
