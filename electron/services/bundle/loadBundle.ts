import type { LoadSummary } from '../../../shared/api/contract';
import { DomainError } from '../../../shared/api/errors';
import { ZodError } from 'zod';
import { bundleSchema, dealSchema, receiptSchema, type Bundle, type BundleDeal, type BundleReceipt } from '../../../shared/schemas/bundle';
import { issueToError } from '../../../shared/schemas/issues';
import type { WriteDb } from '../../db/handles';
import { insertAdjustment } from '../../db/repositories/adjustments';
import { savePlan } from '../../db/repositories/commissionPlans';
import { setCompany, setSettings } from '../../db/repositories/company';
import { insertCustomer } from '../../db/repositories/customers';
import { insertDeal } from '../../db/repositories/deals';
import { setDocumentCount } from '../../db/repositories/documentCounts';
import { insertErrorRecord } from '../../db/repositories/errorRecords';
import { setFxRate } from '../../db/repositories/fxRates';
import { saveColumnMapping } from '../../db/repositories/columnMappings';
import { insertBatch } from '../../db/repositories/importBatches';
import { insertReceipt } from '../../db/repositories/receipts';
import { insertWriteOff } from '../../db/repositories/writeOffs';
import { insertSalesperson } from '../../db/repositories/salespeople';
import { setTargetSheet } from '../../db/repositories/targets';
import { appendAudit } from '../../db/repositories/auditLog';
import { saveAppraisal } from '../../db/repositories/appraisals';
import { insertSnapshot } from '../../db/repositories/appraisalSnapshots';
import { normalizeSnapshotData } from '../../../shared/workflow/snapshot';
import type { StepRecords } from '../../../shared/schemas/workflow';
import { withIndexesRebuilt } from '../../db/bulkLoad';
import { clearDataTables } from '../../db/dataTables';
import { withoutRevisionTriggers } from '../../db/receivableRevisions';
import { inTransaction } from '../../db/statements';
import { payerMatcher } from '../matching';
import { checkBundle, checkReceivables, refersAt } from './bundleChecks';
import { fastDeal, fastReceipt } from './fastRecords';
import { visitJsonFile } from './jsonStream';

/**
 * Parses and checks a bundle completely before anything is written. A streamed load passes its
 * head without deals and receipts, and checks what refers to them (SPEC §12) once they are read.
 */
export function parseBundle(raw: unknown, source = 'bundle', options: { streamed?: boolean } = {}): Bundle {
  const shape = raw as { format?: unknown; version?: unknown } | null;
  if (shape === null || typeof shape !== 'object' || shape.format !== 'trade-kpi-bundle' || shape.version !== 1) {
    throw new DomainError('bundle.format', { file: source });
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const error = issueToError(parsed.error, raw);
    throw new DomainError(error.code, error.params, error.field === undefined ? {} : { field: error.field });
  }
  checkBundle(parsed.data, options);
  return parsed.data;
}

/** Replaces every record in the database with the bundle's, in one transaction (SPEC §9). */
export function loadBundle(db: WriteDb, raw: unknown, source?: string): LoadSummary {
  return replaceWithBundle(db, parseBundle(raw, source), source);
}

/** `loadBundle` for a bundle that `parseBundle` has already checked. */
export function replaceWithBundle(db: WriteDb, bundle: Bundle, source?: string): LoadSummary {
  return inTransaction(db, () => {
    const summary = withoutRevisionTriggers(db, () => {
      clearDataTables(db);
      return withIndexesRebuilt(db, ['deals', 'receipts'], () => writeBundle(db, bundle));
    });
    appendAudit(db, { action: 'bundle.load', detail: { source: source ?? null, ...summary } });
    return summary;
  });
}

/** What every record depends on: written before deals and receipts. */
function writeHead(db: WriteDb, bundle: Bundle): void {
  setCompany(db, bundle.company);
  setSettings(db, bundle.settings);
  bundle.commissionPlans.forEach((plan) => savePlan(db, plan));
  bundle.salespeople.forEach((person) => insertSalesperson(db, person));
  bundle.customers.forEach((customer) => insertCustomer(db, customer));
  bundle.fxRates.forEach((rate) => setFxRate(db, rate));
}

/** Receipts are matched to customers as an import would match them; customers must be written. */
function receiptWriter(
  db: WriteDb,
  customers: Bundle['customers'],
): { write: (receipt: Bundle['receipts'][number]) => void; matched: () => number; unmatched: () => number } {
  const matchPayer = payerMatcher(db);
  const owners = new Map(customers.map((c) => [c.id, c.owner]));
  let matched = 0;
  let unmatched = 0;
  return {
    write: (receipt) => {
      const customer = receipt.customer ?? (receipt.notCustomer ? null : (matchPayer(receipt.remitter)?.id ?? null));
      if (customer !== null) matched++;
      else if (!receipt.notCustomer && receipt.salesperson === null) unmatched++;
      const matchedOwner = customer === null ? null : (receipt.matchedOwner ?? owners.get(customer) ?? null);
      insertReceipt(db, {
        ref: receipt.ref,
        valueDate: receipt.valueDate,
        currency: receipt.currency,
        amount: receipt.amount,
        rate: receipt.rate,
        cnyAmount: receipt.cnyAmount,
        remitter: receipt.remitter,
        memo: receipt.memo,
        customer,
        salesperson: receipt.salesperson,
        matchedOwner,
        notCustomer: receipt.notCustomer,
        batchId: receipt.batch,
        fingerprint: receipt.fingerprint,
        rateQuotedPer: receipt.rateQuotedPer,
        deal: receipt.deal,
      });
    },
    matched: () => matched,
    unmatched: () => unmatched,
  };
}

/** What refers to people and quarters and nothing refers to: written last. */
function writeTail(db: WriteDb, bundle: Bundle): void {
  bundle.errors.forEach((record) => insertErrorRecord(db, record));
  bundle.documents.forEach((d) => setDocumentCount(db, d.salesperson, d.quarter, d.count));
  bundle.targets.forEach((sheet) => setTargetSheet(db, sheet));
  for (const a of bundle.appraisals) {
    saveAppraisal(db, { ...a, steps: a.steps as StepRecords, overrideReason: a.overrideReason, result: a.result ?? null });
  }
  loadSnapshots(db, bundle);
  for (const a of bundle.adjustments) {
    insertAdjustment(db, { salesperson: a.salesperson, period: a.quarter ?? String(a.year), points: a.points, reason: a.reason });
  }
  bundle.writeOffs.forEach((w) => insertWriteOff(db, w));
  (bundle.columnMappings ?? []).forEach((m) => saveColumnMapping(db, m));
}

function writeBundle(db: WriteDb, bundle: Bundle): LoadSummary {
  writeHead(db, bundle);
  bundle.deals.forEach((deal) => insertDeal(db, deal));
  bundle.importBatches.forEach((batch) => insertBatch(db, { ...batch, summary: batch.summary ?? null }));
  const receipts = receiptWriter(db, bundle.customers);
  bundle.receipts.forEach(receipts.write);
  writeTail(db, bundle);
  const matched = receipts.matched();
  const unmatched = receipts.unmatched();
  return {
    salespeople: bundle.salespeople.length,
    customers: bundle.customers.length,
    deals: bundle.deals.length,
    receipts: bundle.receipts.length,
    matched,
    unmatched,
  };
}

/**
 * The bundle's snapshots as they are. An approved appraisal of an older bundle without one gets
 * the snapshot migration 007 gives such an approval: its stored row, so it stops moving too.
 */
function loadSnapshots(db: WriteDb, bundle: Bundle): void {
  const key = (s: { salesperson: string; quarter: string }) => `${s.salesperson}|${s.quarter}`;
  const carried = new Set(bundle.appraisalSnapshots.map(key));
  for (const s of bundle.appraisalSnapshots) insertSnapshot(db, { ...s, data: normalizeSnapshotData(s.data) });
  for (const a of bundle.appraisals) {
    const approved = a.stage === 'approved' || a.stage === 'archived';
    if (!approved || carried.has(key(a)) || a.result === null || typeof a.result !== 'object') continue;
    const step = (a.steps as StepRecords).approved;
    insertSnapshot(db, {
      salesperson: a.salesperson,
      quarter: a.quarter,
      approvedAt: step?.at ?? '',
      approvedBy: step?.by ?? '',
      data: normalizeSnapshotData({ row: a.result, forcedRanking: a.forcedRanking }),
    });
  }
}

/*
 * `tkpi load` of a file, as a stream (issue 12.9). A first pass reads everything but the deals
 * and receipts, which it only steps over, and checks it as `parseBundle` does; then one
 * transaction writes it and reads the file again, each deal and receipt checked by its own
 * schema and references (the same messages, naming the record and field) and written as it
 * comes, so neither the text nor the parsed arrays are ever held whole. Any failure rolls the
 * whole load back. Where a bundle has several faults, the one reported may differ from a whole
 * read's choice (deals and receipts are checked after the other records).
 */

const STREAMED = new Set(['deals', 'receipts']);

/** A bundle file read and checked except for its deals and receipts. */
export type ScannedBundle = { file: string; head: Bundle };

/** The first pass: everything but deals and receipts, parsed and checked completely. */
export function scanBundleFile(file: string): ScannedBundle {
  const raw: Record<string, unknown> = {};
  let notObject = false;
  visitJsonFile(file, {
    streamed: STREAMED,
    value: (key, parse) => {
      if (key === '') {
        parse();
        notObject = true;
      } else raw[key] = parse();
    },
  });
  if (notObject) throw new DomainError('bundle.format', { file });
  // Streamed arrays were stepped over; one that is not an array was read, and the schema names it.
  return { file, head: parseBundle({ deals: [], receipts: [], ...raw }, file, { streamed: true }) };
}

function recordError(error: ZodError, list: string, index: number, record: unknown): DomainError {
  // The record's issues placed where the whole bundle's schema would have found them.
  const placed = new ZodError(error.issues.map((issue) => ({ ...issue, path: [list, index, ...issue.path] })));
  const described = issueToError(placed, { [list]: { [index]: record } });
  return new DomainError(described.code, described.params, described.field === undefined ? {} : { field: described.field });
}

/** The second pass, in one transaction: replaces every record with the file's. */
export function writeBundleFile(db: WriteDb, scanned: ScannedBundle): LoadSummary {
  const { file, head } = scanned;
  return inTransaction(db, () =>
    withoutRevisionTriggers(db, () => {
      clearDataTables(db);
      const summary = withIndexesRebuilt(db, ['deals', 'receipts'], () => {
        writeHead(db, head);
        head.importBatches.forEach((batch) => insertBatch(db, { ...batch, summary: batch.summary ?? null }));
        const people = new Set(head.salespeople.map((p) => p.id));
        const customers = new Set(head.customers.map((c) => c.id));
        const batches = new Set(head.importBatches.map((b) => String(b.id)));
        const dealIds = new Set<string>();
        const refs = new Set<string>();
        const receipts = receiptWriter(db, head.customers);
        const deals: BundleDeal[] = [];
        const pinned: [number, BundleReceipt][] = [];
        let receiptCount = 0;
        visitJsonFile(file, {
          streamed: STREAMED,
          element: (list, i, parse) => {
            const record = parse();
            if (list === 'deals') {
              let d = fastDeal(record);
              if (!d) {
                const parsed = dealSchema.safeParse(record);
                if (!parsed.success) throw recordError(parsed.error, list, i, record);
                d = parsed.data;
              }
              if (dealIds.has(d.id)) throw new DomainError('dup.id', { id: d.id }, { field: `deals[${i}].id` });
              dealIds.add(d.id);
              refersAt(people, d.salesperson, 'ref.salesperson', list, i, 'salesperson', d.id);
              refersAt(customers, d.customer, 'ref.customer', list, i, 'customer', d.id);
              insertDeal(db, d);
              deals.push(d);
              return;
            }
            let r = fastReceipt(record);
            if (!r) {
              const parsed = receiptSchema.safeParse(record);
              if (!parsed.success) throw recordError(parsed.error, list, i, record);
              r = parsed.data;
            }
            refersAt(customers, r.customer, 'ref.customer', list, i, 'customer');
            refersAt(people, r.salesperson, 'ref.salesperson', list, i, 'salesperson');
            refersAt(people, r.matchedOwner, 'ref.salesperson', list, i, 'matchedOwner');
            refersAt(batches, r.batch === null ? null : String(r.batch), 'batch.missing', list, i, 'batch');
            if (r.ref !== null) {
              if (refs.has(r.ref)) throw new DomainError('dup.id', { id: r.ref }, { field: `receipts[${i}].ref` });
              refs.add(r.ref);
            }
            if (r.deal !== null) pinned.push([i, r]);
            receipts.write(r);
            receiptCount++;
          },
        });
        // Checks that need every deal and pin (SPEC §12), run once all are read.
        checkReceivables({ ...head, deals, receipts: [] }, dealIds, pinned);
        writeTail(db, head);
        return {
          salespeople: head.salespeople.length,
          customers: head.customers.length,
          deals: dealIds.size,
          receipts: receiptCount,
          matched: receipts.matched(),
          unmatched: receipts.unmatched(),
        };
      });
      appendAudit(db, { action: 'bundle.load', detail: { source: file, ...summary } });
      return summary;
    }),
  );
}
