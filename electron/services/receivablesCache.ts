import {
  assembleReport,
  byDealAndNumber,
  customerPart,
  mergeInstalmentRows,
  replaceInstalmentRows,
  type CustomerPart,
  type InstalmentRow,
  type ReceivablesReport,
} from '../../shared/receivables/report';
import { customerLedger, type CustomerBook } from '../../shared/receivables/ledger';
import type { ReadDb } from '../db/handles';
import { dataVersion } from '../db/dataVersion';
import { customerRanges, forEachBook, forEachBookOf, monthRateRows, receivableCustomers, termsSettings, unmatchedReceipts } from '../db/receivablesData';
import { readEpoch, readRevisions } from '../db/receivableRevisions';
import { readTogether } from '../db/statements';
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

const caches = new WeakMap<ReadDb, Map<string, Entry>>();

function partKey(customer: string | null): string {
  return customer ?? '';
}

function cacheOf(db: ReadDb): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

function keep(db: ReadDb, asOf: string, entry: Entry): ReceivablesReport {
  const cache = cacheOf(db);
  cache.delete(asOf);
  cache.set(asOf, entry);
  for (const date of cache.keys()) if (cache.size > KEPT_DATES) cache.delete(date);
  return entry.report;
}

/** The report as of `asOf`, from kept parts where nothing changed them (computing all of them when none are kept). */
export function cachedReceivables(db: ReadDb, asOf: string): ReceivablesReport {
  const version = dataVersion(db);
  const kept = cacheOf(db).get(asOf);
  if (kept?.version === version) return kept.report;
  const entry = readTogether(db, () => {
    const head = readHead(db, asOf);
    return (kept && incremental(db, head, kept)) ?? whole(db, head);
  });
  entry.version = version;
  return keep(db, asOf, entry);
}

const running = new WeakMap<ReadDb, Map<string, Promise<ReceivablesReport>>>();

/**
 * `cachedReceivables` for the 应收 page and 首页: when the whole report must be computed (the
 * first time after start, a new date, changed settings or rates), it is computed a customer
 * range at a time, yielding to the event loop between ranges, so that every other API call is
 * answered meanwhile; callers asking for the same date meanwhile share the one computation.
 */
export async function receivablesInSlices(db: ReadDb, asOf: string): Promise<ReceivablesReport> {
  const version = dataVersion(db);
  const kept = cacheOf(db).get(asOf);
  if (kept?.version === version) return kept.report;
  const quick = readTogether(db, () => {
    const head = readHead(db, asOf);
    return kept ? incremental(db, head, kept) : null;
  });
  if (quick) {
    quick.version = version;
    return keep(db, asOf, quick);
  }
  let byDate = running.get(db);
  if (!byDate) running.set(db, (byDate = new Map()));
  const pending = byDate.get(asOf);
  if (pending) return pending;
  const work = wholeInSlices(db, asOf).finally(() => byDate.delete(asOf));
  byDate.set(asOf, work);
  return work;
}

/** What every customer's part depends on, read before the parts. */
type Head = ReturnType<typeof readHead>;

function readHead(db: ReadDb, asOf: string) {
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
  const reportParties = { salespeople: names, customers: parties(customers) };
  const ledgerOptions = { asOf, settings: termsSettings(settings) };
  const readOptions = { asOf, receivablesFrom: settings.receivablesFrom };
  const partOf = (customer: string | null, book: CustomerBook) => customerPart(asOf, rate, reportParties, customer, customerLedger(book, ledgerOptions));
  return { asOf, key, revisions, customers, names, unmatched, readOptions, partOf };
}

/** The kept entry brought up to date by computing the changed customers again; null when it cannot be (another key, too many changes). */
function incremental(db: ReadDb, head: Head, kept: Entry): Entry | null {
  const { asOf, key, revisions, customers, names, unmatched, readOptions, partOf } = head;
  if (kept.key !== key) return null;
  const changed = changedKeys(kept.revisions, revisions);
  if (changed.length > INCREMENTAL_LIMIT) return null;
  const fresh = new Map<string, CustomerPart>();
  forEachBookOf(db, readOptions, customers, changed, (customer, book) => fresh.set(partKey(customer), partOf(customer, book)));
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

function whole(db: ReadDb, head: Head): Entry {
  const parts = new Map<string, CustomerPart>();
  forEachBook(db, head.readOptions, head.customers, (customer, book) => parts.set(partKey(customer), head.partOf(customer, book)));
  return finished(head, parts, head.unmatched);
}

function finished(head: Head, parts: Map<string, CustomerPart>, unmatched: Head['unmatched'], sorted?: InstalmentRow[]): Entry {
  let rows = sorted;
  if (!rows) {
    rows = [];
    for (const part of parts.values()) for (const row of part.instalments) rows.push(row);
    rows.sort(byDealAndNumber);
  }
  return {
    key: head.key,
    version: '',
    revisions: head.revisions,
    parts,
    instalments: rows,
    report: assembleReport(head.asOf, parts.values(), head.names, unmatched, rows),
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Customers per slice of the computation in slices: a few hundredths of a second each for the bench company (25 deals and 50 receipts a customer). */
const SLICE = 60;

/**
 * The whole report, a customer range per turn of the event loop. Writes may land between the
 * slices: each part is kept against the revisions read before the first slice, so a customer
 * written meanwhile is computed again at the next request, and a change of settings or rates
 * meanwhile (another key) starts over.
 */
async function wholeInSlices(db: ReadDb, asOf: string): Promise<ReceivablesReport> {
  for (;;) {
    const version = dataVersion(db);
    const head = readTogether(db, () => readHead(db, asOf));
    const parts = new Map<string, CustomerPart>();
    // Each slice's rows sorted apart, then merged pairwise a merge per turn: no turn sorts them all.
    let runs: InstalmentRow[][] = [];
    const slice = (visit: (add: (customer: string | null, book: CustomerBook) => void) => void) => {
      const rows: InstalmentRow[] = [];
      readTogether(db, () =>
        visit((customer, book) => {
          const part = head.partOf(customer, book);
          parts.set(partKey(customer), part);
          for (const row of part.instalments) rows.push(row);
        }),
      );
      runs.push(rows.sort(byDealAndNumber));
    };
    slice((add) => forEachBookOf(db, head.readOptions, head.customers, [''], add));
    for (const range of customerRanges(db, SLICE)) {
      await nextTurn();
      slice((add) => forEachBook(db, head.readOptions, head.customers, add, range));
    }
    while (runs.length > 1) {
      const merged: InstalmentRow[][] = [];
      for (let i = 0; i < runs.length; i += 2) {
        await nextTurn();
        merged.push(i + 1 < runs.length ? mergeInstalmentRows(runs[i] as InstalmentRow[], runs[i + 1] as InstalmentRow[]) : (runs[i] as InstalmentRow[]));
      }
      runs = merged;
    }
    await nextTurn();
    const entry = readTogether(db, () => {
      const now = readHead(db, asOf);
      return now.key === head.key ? finished(head, parts, now.unmatched, runs[0] ?? []) : null;
    });
    if (!entry) continue;
    // Nothing written while the slices ran: the entry is current as it stands.
    if (dataVersion(db) === version) entry.version = version;
    return keep(db, asOf, entry);
  }
}

/** Customers whose revision differs (or appeared, or went), sorted as the customer ranges read them. */
function changedKeys(before: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): string[] {
  const changed: string[] = [];
  for (const [id, rev] of now) if (before.get(id) !== rev) changed.push(id);
  for (const id of before.keys()) if (!now.has(id)) changed.push(id);
  return changed.sort();
}
