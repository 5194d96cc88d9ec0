import { DomainError } from '../../shared/api/errors';
import {
  assembleReport,
  byDealAndNumber,
  customerPart,
  replaceInstalmentRows,
  type CustomerPart,
  type InstalmentRow,
  type ReceivablesReport,
} from '../../shared/receivables/report';
import { customerLedger } from '../../shared/receivables/ledger';
import type { Db } from '../db/connection';
import { dataVersion } from '../db/dataVersion';
import { forEachBook, forEachBookOf, monthRateRows, receivableCustomers, termsSettings, unmatchedReceipts } from '../db/receivablesData';
import { readEpoch, readRevisions } from '../db/receivableRevisions';
import { getSettings } from '../db/repositories/company';
import { listSalespeople } from '../db/repositories/salespeople';
import { parties } from './receivablesService';

/*
 * The receivables report as of a date, kept per customer (SPEC §12): after a write only the
 * customers whose revision (migration 014's triggers) changed are computed again, and the report
 * is put together from the kept parts — equal, figure for figure and row for row, to
 * `computeReceivables`. What concerns every customer (the settings, the month's rates, a bulk
 * load's epoch) is the entry's key: when it changes, everything is computed again.
 */

type Entry = {
  key: string;
  version: string;
  revisions: Map<string, number>;
  parts: Map<string, CustomerPart>;
  instalments: InstalmentRow[];
  report: ReceivablesReport;
};

/** Up to this many changed customers are computed one by one; more, and the whole report is. */
const INCREMENTAL_LIMIT = 500;
/** As-of dates kept per database (the 应收 page's and 首页's today, usually the same). */
const KEPT_DATES = 2;

const caches = new WeakMap<Db, Map<string, Entry>>();

function partKey(customer: string | null): string {
  return customer ?? '';
}

/** The report as of `asOf`, from kept parts where nothing changed them. */
export function cachedReceivables(db: Db, asOf: string): ReceivablesReport {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const version = dataVersion(db);
  const kept = cache.get(asOf);
  if (kept?.version === version) return kept.report;
  // One read transaction: the revisions and the rows read after them are of the same commit.
  const read = () => refresh(db, asOf, kept);
  const entry = db.inTransaction ? read() : db.transaction(read)();
  entry.version = version;
  cache.delete(asOf);
  cache.set(asOf, entry);
  for (const date of cache.keys()) if (cache.size > KEPT_DATES) cache.delete(date);
  return entry.report;
}

function refresh(db: Db, asOf: string, kept: Entry | undefined): Entry {
  const settings = getSettings(db);
  const month = asOf.slice(0, 7);
  const rateRows = monthRateRows(db, month);
  const key = JSON.stringify([readEpoch(db), settings, rateRows]);
  const revisions = readRevisions(db);
  const customers = receivableCustomers(db);
  const names = new Map(listSalespeople(db).map((p) => [p.id, p.name]));
  const rates = new Map(rateRows);
  const rate = (currency: string) => rates.get(currency) ?? null;
  const unmatched = unmatchedReceipts(db, { asOf, receivablesFrom: settings.receivablesFrom });
  if (unmatched.missing) throw new DomainError('appraise.missingRate', unmatched.missing);
  const reportParties = { salespeople: names, customers: parties(customers) };
  const ledgerOptions = { asOf, settings: termsSettings(settings) };
  const readOptions = { asOf, receivablesFrom: settings.receivablesFrom };

  const changed = kept && kept.key === key ? changedKeys(kept.revisions, revisions) : null;
  if (kept && changed && changed.length <= INCREMENTAL_LIMIT) {
    const fresh = new Map<string, CustomerPart>();
    forEachBookOf(db, readOptions, customers, changed, (customer, book) =>
      fresh.set(partKey(customer), customerPart(asOf, rate, reportParties, customer, customerLedger(book, ledgerOptions))),
    );
    // Nothing kept is touched until every changed customer is computed: an error leaves the entry as it was.
    const parts = new Map(kept.parts);
    const removed: InstalmentRow[] = [];
    const added: InstalmentRow[] = [];
    for (const id of changed) {
      for (const row of parts.get(id)?.instalments ?? []) removed.push(row);
      parts.delete(id);
      const part = fresh.get(id);
      if (part && (part.instalments.length > 0 || part.row)) {
        parts.set(id, part);
        for (const row of part.instalments) added.push(row);
      }
    }
    const instalments = changed.length === 0 ? kept.instalments : replaceInstalmentRows(kept.instalments, removed, added);
    return { key, version: '', revisions, parts, instalments, report: assembleReport(asOf, parts.values(), names, unmatched, instalments) };
  }

  const parts = new Map<string, CustomerPart>();
  const rows: InstalmentRow[] = [];
  forEachBook(db, readOptions, customers, (customer, book) => {
    const part = customerPart(asOf, rate, reportParties, customer, customerLedger(book, ledgerOptions));
    for (const row of part.instalments) rows.push(row);
    parts.set(partKey(customer), part);
  });
  rows.sort(byDealAndNumber);
  return { key, version: '', revisions, parts, instalments: rows, report: assembleReport(asOf, parts.values(), names, unmatched, rows) };
}

/** Customers whose revision differs (or appeared, or went), sorted as the customer ranges read them. */
function changedKeys(before: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): string[] {
  const changed: string[] = [];
  for (const [id, rev] of now) if (before.get(id) !== rev) changed.push(id);
  for (const id of before.keys()) if (!now.has(id)) changed.push(id);
  return changed.sort();
}
